package io.qps.stream.codec;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link ByteWriter} wrote; running past the end throws {@link CodecException}. */
final class ByteReader {
    private final byte[] buf;
    private int pos;

    ByteReader(byte[] buf) {
        this.buf = buf;
    }

    private void need(int n) {
        if (pos + n > buf.length) {
            throw new CodecException("truncated record: needs " + n + " bytes at offset " + pos + " of " + buf.length);
        }
    }

    int getByte() {
        need(1);
        return buf[pos++];
    }

    int getInt() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    long getLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFFL);
        }
        return v;
    }

    String getString() {
        int n = getInt();
        if (n < 0) {
            throw new CodecException("negative string length " + n + " at offset " + (pos - 4));
        }
        need(n);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Throws unless every byte was read. */
    void end() {
        if (pos != buf.length) {
            throw new CodecException((buf.length - pos) + " trailing bytes after a record of " + pos + " bytes");
        }
    }
}
