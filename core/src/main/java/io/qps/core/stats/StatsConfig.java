package io.qps.core.stats;

import io.qps.core.instrument.Money;

/**
 * How statistics are computed.
 *
 * @param capitalPerStrategy the capital each strategy is measured against (money units); the
 *        portfolio's capital is the sum over the strategies that ran. Returns, turnover and drawdown
 *        percentages are relative to it.
 * @param periodsPerYearDays days per year used for annualization (365: the simulated markets include
 *        crypto, which trades every day)
 */
public record StatsConfig(long capitalPerStrategy, int periodsPerYearDays) {
    public StatsConfig {
        if (capitalPerStrategy <= 0 || periodsPerYearDays <= 0) {
            throw new IllegalArgumentException("capital and days per year must be positive");
        }
    }

    /** $1,000,000 per strategy, 365-day years. */
    public static StatsConfig defaults() {
        return new StatsConfig(1_000_000L * Money.ONE, 365);
    }
}
