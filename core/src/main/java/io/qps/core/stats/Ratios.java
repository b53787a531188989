package io.qps.core.stats;

/**
 * Return ratios over a series of periodic returns, summed in index order with {@code StrictMath} square roots,
 * so that every figure is bit-identical on every JVM. A ratio that is undefined (too few periods, a zero
 * denominator) is {@code null}, never NaN or infinity.
 */
public final class Ratios {
    private Ratios() {
    }

    /** Arithmetic mean; null for no returns. */
    public static Double mean(double[] r) {
        if (r.length == 0) {
            return null;
        }
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        return sum / r.length;
    }

    /** Sample standard deviation (divisor n - 1); null for fewer than two returns. */
    public static Double standardDeviation(double[] r) {
        if (r.length < 2) {
            return null;
        }
        double m = mean(r);
        double squares = 0;
        for (double x : r) {
            squares += (x - m) * (x - m);
        }
        return StrictMath.sqrt(squares / (r.length - 1));
    }

    /** Downside deviation below 0: {@code sqrt(sum(min(r, 0)^2) / n)} over all n returns; null for none. */
    public static Double downsideDeviation(double[] r) {
        if (r.length == 0) {
            return null;
        }
        double squares = 0;
        for (double x : r) {
            double d = Math.min(x, 0.0);
            squares += d * d;
        }
        return StrictMath.sqrt(squares / r.length);
    }

    /** {@code mean / standard deviation * sqrt(periodsPerYear)}, risk-free rate 0; null when undefined. */
    public static Double sharpe(double[] r, double periodsPerYear) {
        return ratio(r.length < 2 ? null : mean(r), standardDeviation(r), periodsPerYear);
    }

    /** {@code mean / downside deviation * sqrt(periodsPerYear)}; null with fewer than two returns or no loss. */
    public static Double sortino(double[] r, double periodsPerYear) {
        return ratio(r.length < 2 ? null : mean(r), downsideDeviation(r), periodsPerYear);
    }

    /** {@code mean * periodsPerYear}, not compounded; null for no returns. */
    public static Double annualizedReturn(double[] r, double periodsPerYear) {
        Double m = mean(r);
        return m == null ? null : m * periodsPerYear;
    }

    /** {@code standard deviation * sqrt(periodsPerYear)}; null for fewer than two returns. */
    public static Double annualizedVolatility(double[] r, double periodsPerYear) {
        Double s = standardDeviation(r);
        return s == null ? null : s * StrictMath.sqrt(periodsPerYear);
    }

    /**
     * The Sharpe ratio of each trailing window of {@code window} returns ending at index i (null for
     * {@code i < window - 1} and where undefined).
     */
    public static Double[] rollingSharpe(double[] r, int window, double periodsPerYear) {
        if (window < 2) {
            throw new IllegalArgumentException("a rolling Sharpe needs a window of at least 2, was " + window);
        }
        Double[] out = new Double[r.length];
        for (int i = window - 1; i < r.length; i++) {
            double[] w = new double[window];
            System.arraycopy(r, i - window + 1, w, 0, window);
            out[i] = sharpe(w, periodsPerYear);
        }
        return out;
    }

    /** Pearson correlation of two equally long series; null when shorter than two or either is constant. */
    public static Double correlation(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("series of different lengths: " + a.length + " and " + b.length);
        }
        if (a.length < 2) {
            return null;
        }
        double ma = mean(a);
        double mb = mean(b);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        if (va == 0 || vb == 0) {
            return null;
        }
        return cov / StrictMath.sqrt(va * vb);
    }

    /** {@code numerator / denominator}, null when either is null or the denominator is 0. */
    public static Double divide(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0) {
            return null;
        }
        return numerator / denominator;
    }

    private static Double ratio(Double mean, Double deviation, double periodsPerYear) {
        Double r = divide(mean, deviation);
        return r == null ? null : r * StrictMath.sqrt(periodsPerYear);
    }
}
