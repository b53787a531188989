package io.qps.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A buffered big-endian and varint reader that knows its byte offset, so every structural error
 * names the file and the offset. It never reads at or past {@code limit}.
 */
final class ByteInput implements AutoCloseable {
    private final InputStream in;
    private final Path file;
    private final long limit;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private long bufStart;

    ByteInput(InputStream in, Path file, long limit) {
        this.in = in;
        this.file = file;
        this.limit = limit;
    }

    Path file() {
        return file;
    }

    long position() {
        return bufStart + pos;
    }

    int u8() {
        if (pos == len) {
            fill();
        }
        return buf[pos++] & 0xFF;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    int i32() {
        return (u16() << 16) | u16();
    }

    long i64() {
        return ((long) i32() << 32) | (i32() & 0xFFFF_FFFFL);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) u8();
        }
        return b;
    }

    long uvarint() {
        long start = position();
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw fail(start, "varint longer than 10 bytes");
    }

    long svarint() {
        long z = uvarint();
        return (z >>> 1) ^ -(z & 1);
    }

    /** A structural error at {@code offset}: the file is damaged or not written by this format. */
    DatasetFormatException fail(long offset, String problem) {
        return new DatasetFormatException(file, offset, problem,
                "the file is damaged or was not written by qps; regenerate it");
    }

    private void fill() {
        bufStart += len;
        pos = 0;
        len = 0;
        long room = limit - bufStart;
        if (room <= 0) {
            throw new DatasetFormatException(file, bufStart, "unexpected end of data (truncated file)",
                    "the file is incomplete; regenerate or copy it again");
        }
        try {
            int n = in.read(buf, 0, (int) Math.min(buf.length, room));
            if (n <= 0) {
                throw new DatasetFormatException(file, bufStart, "unexpected end of file (truncated file)",
                        "the file is incomplete; regenerate or copy it again");
            }
            len = n;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " at byte " + bufStart, e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
