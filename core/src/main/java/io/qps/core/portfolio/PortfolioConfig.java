package io.qps.core.portfolio;

/**
 * Configuration of the portfolio.
 *
 * @param sampleIntervalMicros event-time spacing of equity-curve samples, microseconds, {@code > 0};
 *     boundaries are the multiples of it since the epoch
 */
public record PortfolioConfig(long sampleIntervalMicros) {

    public PortfolioConfig {
        if (sampleIntervalMicros <= 0) {
            throw new IllegalArgumentException("sampleIntervalMicros must be > 0, was " + sampleIntervalMicros);
        }
    }

    /** One sample a minute. */
    public static PortfolioConfig defaults() {
        return new PortfolioConfig(60_000_000L);
    }
}
