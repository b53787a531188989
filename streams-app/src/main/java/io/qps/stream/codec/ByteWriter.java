package io.qps.stream.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for the internal codec; {@link #toByteArray()} copies what was written. */
final class ByteWriter {
    private byte[] buf;
    private int pos;

    ByteWriter(int capacity) {
        this.buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }

    void putByte(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
    }

    /** A string as its UTF-8 length (int) and bytes. */
    void putString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        putInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
