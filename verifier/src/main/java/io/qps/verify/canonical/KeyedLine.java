package io.qps.verify.canonical;

import io.qps.core.engine.CausalKey;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One output record as the canonical form needs it: its causal key (the sort order), the book it belongs to (an
 * index the caller assigns, for per-strategy digests and divergence reports) and its canonical line as UTF-8 bytes
 * (what is compared and hashed). Ordered by key only.
 *
 * @param key the record's causal key
 * @param book the record's book index, 0..127
 * @param line the record's canonical line, UTF-8, without a newline
 */
public record KeyedLine(CausalKey key, int book, byte[] line) implements Comparable<KeyedLine> {

    public KeyedLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(line, "line");
        if (book < 0 || book > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("book index must be in 0..127, was " + book);
        }
    }

    @Override
    public int compareTo(KeyedLine o) {
        return key.compareTo(o.key);
    }

    /** The canonical line as text. */
    public String text() {
        return new String(line, StandardCharsets.UTF_8);
    }

    /** Writes this line in the spill format: seq, sub, book, source (length + UTF-8), line (length + UTF-8). */
    void write(DataOutputStream out) throws IOException {
        byte[] source = key.source().getBytes(StandardCharsets.UTF_8);
        out.writeLong(key.seq());
        out.writeInt(key.sub());
        out.writeByte(book);
        out.writeShort(source.length);
        out.write(source);
        out.writeInt(line.length);
        out.write(line);
    }

    /** Reads a line {@link #write} wrote, or {@code null} at a clean end of the stream. */
    static KeyedLine read(DataInputStream in) throws IOException {
        long seq;
        try {
            seq = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        int sub = in.readInt();
        int book = in.readByte();
        byte[] source = new byte[in.readUnsignedShort()];
        in.readFully(source);
        byte[] line = new byte[in.readInt()];
        in.readFully(line);
        return new KeyedLine(new CausalKey(seq, new String(source, StandardCharsets.UTF_8), sub), book, line);
    }
}
