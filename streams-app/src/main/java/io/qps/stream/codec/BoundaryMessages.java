package io.qps.stream.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The two small streams between tasks, as bytes: a partition's {@link Summary} of its instruments' last
 * books at a boundary (to the partitions that run a boundary strategy with it), and its {@link Partial}
 * share of the portfolio's figures at an equity-curve boundary (to the portfolio task).
 */
public final class BoundaryMessages {
    /** The boundary of a partial that says the partition has released its END marker. */
    public static final long END = Long.MAX_VALUE;
    /** First seq at or after a boundary of a partition that crossed it by a marker. */
    public static final long NO_EVENT = Long.MAX_VALUE;

    private static final byte SUMMARY = 1;
    private static final byte PARTIAL = 2;

    private BoundaryMessages() {
    }

    /**
     * @param boundary the boundary, microseconds
     * @param from the sending partition
     * @param destinations the partitions to deliver it to
     * @param instruments the sender's instruments, ascending
     * @param entries per instrument {bid, ask, book time, last seq}, flattened
     */
    public record Summary(long boundary, int from, int[] destinations, int[] instruments, long[] entries) {
    }

    /**
     * @param boundary the equity-curve boundary, or {@link #END}
     * @param from the sending partition
     * @param firstSeq the partition's first event at or after the boundary, or {@link #NO_EVENT}
     * @param progress every event of the partition up to this seq has been processed
     * @param figures per strategy ordinal {realized, unrealized, fees, gross exposure, fills}
     * @param events events the partition has processed so far
     * @param seqSum the sum of their seqs (with {@code events}, names a single missing seq at the end)
     */
    public record Partial(long boundary, int from, long firstSeq, long progress, long[][] figures, long events,
                          long seqSum) {
    }

    public static byte[] encode(Summary s) {
        return write(out -> {
            out.writeByte(SUMMARY);
            out.writeLong(s.boundary());
            out.writeInt(s.from());
            out.writeInt(s.destinations().length);
            for (int d : s.destinations()) {
                out.writeInt(d);
            }
            out.writeInt(s.instruments().length);
            for (int i : s.instruments()) {
                out.writeInt(i);
            }
            for (long v : s.entries()) {
                out.writeLong(v);
            }
        });
    }

    public static Summary decodeSummary(byte[] bytes) {
        return read(bytes, SUMMARY, in -> {
            long boundary = in.readLong();
            int from = in.readInt();
            int[] dest = new int[in.readInt()];
            for (int k = 0; k < dest.length; k++) {
                dest[k] = in.readInt();
            }
            int[] instruments = new int[in.readInt()];
            for (int k = 0; k < instruments.length; k++) {
                instruments[k] = in.readInt();
            }
            long[] entries = new long[instruments.length * 4];
            for (int k = 0; k < entries.length; k++) {
                entries[k] = in.readLong();
            }
            return new Summary(boundary, from, dest, instruments, entries);
        });
    }

    /** The destinations of an encoded summary, read without decoding the rest. */
    public static int[] destinations(byte[] bytes) {
        return decodeSummary(bytes).destinations();
    }

    public static byte[] encode(Partial p) {
        return write(out -> {
            out.writeByte(PARTIAL);
            out.writeLong(p.boundary());
            out.writeInt(p.from());
            out.writeLong(p.firstSeq());
            out.writeLong(p.progress());
            out.writeLong(p.events());
            out.writeLong(p.seqSum());
            out.writeInt(p.figures().length);
            for (long[] row : p.figures()) {
                out.writeInt(row.length);
                for (long v : row) {
                    out.writeLong(v);
                }
            }
        });
    }

    public static Partial decodePartial(byte[] bytes) {
        return read(bytes, PARTIAL, in -> {
            long boundary = in.readLong();
            int from = in.readInt();
            long first = in.readLong();
            long progress = in.readLong();
            long events = in.readLong();
            long seqSum = in.readLong();
            long[][] figures = new long[in.readInt()][];
            for (int s = 0; s < figures.length; s++) {
                figures[s] = new long[in.readInt()];
                for (int k = 0; k < figures[s].length; k++) {
                    figures[s][k] = in.readLong();
                }
            }
            return new Partial(boundary, from, first, progress, figures, events, seqSum);
        });
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            w.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, byte kind, Reader<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte k = in.readByte();
            if (k != kind) {
                throw new CodecException("expected message kind " + kind + ", got " + k);
            }
            return r.read(in);
        } catch (IOException e) {
            throw new CodecException("truncated boundary message: " + e.getMessage());
        }
    }
}
