package io.qps.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;

/**
 * A buffered big-endian and varint writer that feeds everything it writes to a SHA-256 digest
 * until {@link #stopDigest()}.
 */
final class ByteOutput {
    private final OutputStream out;
    private final MessageDigest digest;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long written;
    private boolean digesting = true;

    ByteOutput(OutputStream out, MessageDigest digest) {
        this.out = out;
        this.digest = digest;
    }

    void u8(int v) {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) v;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void i32(int v) {
        u16(v >>> 16);
        u16(v);
    }

    void i64(long v) {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    void bytes(byte[] b) {
        for (byte x : b) {
            u8(x);
        }
    }

    /** Unsigned LEB128: seven bits a byte, low group first, high bit set on all but the last byte. */
    void uvarint(long v) {
        long x = v;
        while ((x & ~0x7FL) != 0) {
            u8((int) ((x & 0x7F) | 0x80));
            x >>>= 7;
        }
        u8((int) x);
    }

    /** Zigzag then {@link #uvarint}: 0, -1, 1, -2 ... map to 0, 1, 2, 3 ... */
    void svarint(long v) {
        uvarint((v << 1) ^ (v >> 63));
    }

    /** Ends the digested part of the stream and returns its SHA-256. */
    byte[] stopDigest() {
        flushBuffer();
        digesting = false;
        return digest.digest();
    }

    /** Bytes written so far. */
    long position() {
        return written + pos;
    }

    void flush() {
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushBuffer() {
        if (digesting) {
            digest.update(buf, 0, pos);
        }
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written += pos;
        pos = 0;
    }
}
