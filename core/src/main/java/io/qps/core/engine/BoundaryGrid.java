package io.qps.core.engine;

import java.util.Arrays;

/**
 * The event-time boundaries a session's processing stops at: every multiple of any of a few
 * intervals (the equity curve's sampling interval and each boundary strategy's), microseconds since
 * the epoch. A boundary B is crossed between two consecutive times t1 and t2 of a stream when
 * {@code t1 < B <= t2}.
 */
public final class BoundaryGrid {
    private final long[] intervals;

    /** @param intervals positive intervals, microseconds; duplicates are dropped */
    public BoundaryGrid(long... intervals) {
        if (intervals.length == 0) {
            throw new IllegalArgumentException("a boundary grid needs at least one interval");
        }
        long[] sorted = Arrays.stream(intervals).distinct().sorted().toArray();
        if (sorted[0] <= 0) {
            throw new IllegalArgumentException("boundary intervals must be positive, got " + Arrays.toString(intervals));
        }
        this.intervals = sorted;
    }

    /** The first boundary strictly after {@code micros}. */
    public long next(long micros) {
        long best = Long.MAX_VALUE;
        for (long interval : intervals) {
            best = Math.min(best, Math.multiplyExact(Math.floorDiv(micros, interval) + 1, interval));
        }
        return best;
    }

    /** Whether {@code boundary} is a multiple of {@code interval}. */
    public static boolean isMultiple(long boundary, long interval) {
        return Math.floorMod(boundary, interval) == 0;
    }
}
