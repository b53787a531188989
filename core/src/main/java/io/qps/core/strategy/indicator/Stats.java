package io.qps.core.strategy.indicator;

/**
 * Statistics over the newest values of {@link RingBuffer}s. Every method iterates oldest to newest
 * in plain double arithmetic, so results are a deterministic function of the values. Standard
 * deviations are population ones (divide by n).
 */
public final class Stats {
    private Stats() {
    }

    /** Mean of the newest {@code n} values ({@code 1 <= n <= size}). */
    public static double mean(RingBuffer r, int n) {
        int from = checkedFrom(r, n);
        double sum = 0;
        for (int i = from; i < r.size(); i++) {
            sum += r.get(i);
        }
        return sum / n;
    }

    /** Mean of all values held. */
    public static double mean(RingBuffer r) {
        return mean(r, r.size());
    }

    /** Largest of all values held. */
    public static double max(RingBuffer r) {
        double m = r.get(0);
        for (int i = 1; i < r.size(); i++) {
            m = Math.max(m, r.get(i));
        }
        return m;
    }

    /** Smallest of all values held. */
    public static double min(RingBuffer r) {
        double m = r.get(0);
        for (int i = 1; i < r.size(); i++) {
            m = Math.min(m, r.get(i));
        }
        return m;
    }

    /**
     * Ordinary least squares of {@code y} on {@code x} over all values held (both buffers must hold
     * the same number, at least 2): {@code y = alpha + beta * x + residual}. Returns NaN fields when
     * {@code x} has no variance.
     */
    public static OlsFit ols(RingBuffer y, RingBuffer x) {
        int n = y.size();
        if (n != x.size() || n < 2) {
            throw new IllegalArgumentException("ols needs two windows of equal size >= 2, got " + n + " and " + x.size());
        }
        double my = mean(y);
        double mx = mean(x);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = x.get(i) - mx;
            sxy += dx * (y.get(i) - my);
            sxx += dx * dx;
        }
        if (sxx <= 0) {
            return new OlsFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double beta = sxy / sxx;
        double alpha = my - beta * mx;
        double sse = 0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            residual = y.get(i) - alpha - beta * x.get(i);
            sse += residual * residual;
        }
        return new OlsFit(alpha, beta, StrictMath.sqrt(sse / n), residual);
    }

    private static int checkedFrom(RingBuffer r, int n) {
        if (n < 1 || n > r.size()) {
            throw new IllegalArgumentException("need 1.." + r.size() + " values, asked for " + n);
        }
        return r.size() - n;
    }
}
