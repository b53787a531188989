package io.qps.core.strategy;

/**
 * Seeded price paths for tests (a 64-bit LCG, so the paths are fixed forever): a random walk of
 * raw prices in whole ticks with occasional drift regimes, enough to make strategies trade.
 */
final class RandomWalks {
    private long state;

    RandomWalks(long seed) {
        this.state = seed;
    }

    /** The next value in [0, bound). */
    int next(int bound) {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (int) Long.remainderUnsigned(state >>> 17, bound);
    }

    /** {@code n} prices from {@code start}, each step -step..+step ticks plus a drift switching every 200 steps. */
    long[] path(int n, long start, int step) {
        long[] out = new long[n];
        long p = start;
        int drift = 0;
        for (int i = 0; i < n; i++) {
            if (i % 200 == 0) {
                drift = next(3) - 1;
            }
            p = Math.max(step * 10L, p + next(2 * step + 1) - step + drift);
            out[i] = p;
        }
        return out;
    }
}
