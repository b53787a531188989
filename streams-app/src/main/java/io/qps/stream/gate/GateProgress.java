package io.qps.stream.gate;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How far each of N upstream sources has provably gone: {@code passed(i) = S} means every record of
 * source {@code i} with {@code seq <= S} has been delivered. Starts at {@link #NONE} (nothing passed);
 * each source's value never decreases. The frontier is the minimum over all sources: every record
 * with {@code seq <= frontier()} from any source is known. Mutable state, stored with
 * {@link #write()} and {@link #read(byte[])}.
 */
public final class GateProgress {
    /** The passed seq of a source that has reported nothing yet; record seqs must be greater. */
    public static final long NONE = -1L;
    private static final int FORMAT = 1;

    private final long[] passed;

    /** A progress with {@code sources >= 1} sources, none of which has passed anything. */
    public GateProgress(int sources) {
        if (sources < 1) {
            throw new IllegalArgumentException("a gate needs at least one source, was " + sources);
        }
        this.passed = new long[sources];
        Arrays.fill(passed, NONE);
    }

    private GateProgress(long[] passed) {
        this.passed = passed;
    }

    /** The number of sources, N. */
    public int sources() {
        return passed.length;
    }

    /** The seq source {@code source} has passed, or {@link #NONE}. */
    public long passed(int source) {
        return passed[checkSource(source)];
    }

    /** The minimum passed seq over all sources, or {@link #NONE}. */
    public long frontier() {
        long min = Long.MAX_VALUE;
        for (long p : passed) {
            min = Math.min(min, p);
        }
        return min;
    }

    /**
     * Records that {@code source} has passed {@code seq}; a repeat of the current value is a no-op.
     *
     * @throws GateInvariantException if {@code seq} is below the source's current value
     */
    public void advance(int source, long seq) {
        checkSource(source);
        if (seq < passed[source]) {
            throw new GateInvariantException("progress of source " + source + " went backwards: passed "
                    + passed[source] + ", then reported " + seq);
        }
        passed[source] = seq;
    }

    /** {@code int format, int N, N longs}: the bytes {@link #read} restores. */
    public byte[] write() {
        ByteBuffer buf = ByteBuffer.allocate(2 * Integer.BYTES + passed.length * Long.BYTES);
        buf.putInt(FORMAT).putInt(passed.length);
        for (long p : passed) {
            buf.putLong(p);
        }
        return buf.array();
    }

    /** The progress {@link #write} stored. */
    public static GateProgress read(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int format = buf.getInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown gate progress format " + format);
        }
        int n = buf.getInt();
        if (n < 1 || bytes.length != 2 * Integer.BYTES + n * Long.BYTES) {
            throw new IllegalArgumentException("corrupt gate progress: " + n + " sources in "
                    + bytes.length + " bytes");
        }
        long[] passed = new long[n];
        for (int i = 0; i < n; i++) {
            passed[i] = buf.getLong();
        }
        return new GateProgress(passed);
    }

    private int checkSource(int source) {
        if (source < 0 || source >= passed.length) {
            throw new GateInvariantException("unknown source " + source + ": the gate has sources 0.."
                    + (passed.length - 1));
        }
        return source;
    }
}
