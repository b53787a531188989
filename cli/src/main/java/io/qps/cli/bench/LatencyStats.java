package io.qps.cli.bench;

import java.util.Arrays;

/**
 * Order-visibility latencies of one paced live run, in milliseconds.
 *
 * @param speed the publishing pace (event time per wall time)
 * @param orders orders measured (those whose causal seq was sent by this process)
 * @param p50Millis median, nearest rank
 * @param p99Millis 99th percentile, nearest rank
 * @param maxMillis the largest
 * @param events events published in the paced run
 * @param wallSeconds wall time of the publish
 */
public record LatencyStats(double speed, long orders, double p50Millis, double p99Millis, double maxMillis,
                           long events, double wallSeconds) {
    /**
     * Percentiles by nearest rank (the smallest value with at least p% of the values at or below it) of
     * {@code nanos}; all zero when it is empty.
     */
    public static LatencyStats of(double speed, long[] nanos, long events, double wallSeconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(speed, sorted.length, millis(rank(sorted, 50)), millis(rank(sorted, 99)),
                millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), events, wallSeconds);
    }

    static long rank(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
