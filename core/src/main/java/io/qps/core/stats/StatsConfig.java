package io.qps.core.stats;

import io.qps.core.instrument.Money;

/**
 * How statistics are computed. The conventions every figure of {@link PerformanceStats} follows are
 * stated once, in {@link #CONVENTIONS}, and printed with the figures.
 *
 * @param capitalPerStrategy the capital each strategy is measured against (money units); the
 *        portfolio's capital is the sum over the strategies that ran. Returns, turnover and drawdown
 *        percentages are relative to it.
 * @param periodsPerYearDays days per year used for annualization (365: the simulated markets include
 *        crypto, which trades every day, so every UTC day is a period, weekends included)
 */
public record StatsConfig(long capitalPerStrategy, int periodsPerYearDays) {
    /**
     * What "PnL" means wherever a run's PnL is reported (the reference engine, the verifier, the report): the same
     * for the reference engine and the streaming runs, because it is what both emit.
     */
    public static final String PNL_DEFINITION = "total PnL in USD (realized + unrealized - fees) at the run's last"
            + " equity-curve sample (60 s event-time boundary)";

    /** The conventions, one sentence each, in the order they are printed. */
    public static final String CONVENTIONS = String.join("\n",
            "capital: a fixed base of capital_per_strategy per strategy; TOTAL's is the sum over the strategies"
                    + " that ran; PnL is not reinvested (no compounding)",
            "equity: capital + total PnL (realized + unrealized - fees) at each equity-curve sample (60 s event-time"
                    + " boundary); the curve starts at capital (PnL 0) and its last sample is the run's final PnL",
            "daily return: change of total PnL between the last samples of consecutive UTC days, divided by capital"
                    + " (a sample at boundary b covers events before b, so it closes the UTC day of b - 1 us);"
                    + " the first day's change is from PnL 0",
            "annualization: days_per_year (365, every UTC day counts: the books include 24/7 crypto);"
                    + " annualized return = mean daily return x 365; annualized volatility = sample standard"
                    + " deviation (n - 1) of daily returns x sqrt(365)",
            "sharpe: mean / sample standard deviation of daily returns x sqrt(365), risk-free rate 0;"
                    + " sortino: mean / downside deviation (sqrt of the mean of min(r, 0)^2 over all days) x sqrt(365);"
                    + " calmar: annualized return / max drawdown percent; each is null when undefined (fewer than"
                    + " two days, or a zero denominator)",
            "sharpe_intraday_1m: the same Sharpe on per-sample (60 s) returns annualized by sqrt(365 x samples per day);"
                    + " it has many more observations than the daily Sharpe on a short run, but ignores autocorrelation",
            "max drawdown: largest fall of total PnL from a running peak (money), and largest fall of equity from"
                    + " its running peak divided by that peak equity (percent); the peak starts at PnL 0",
            "max drawdown duration: longest event time from a peak sample to the first later sample at or above it"
                    + " (or to the last sample, if never recovered)",
            "exposure: share of equity-curve samples with non-zero gross exposure",
            "round trip: a position of one strategy in one instrument from flat back to flat (a flip closes one"
                    + " and opens the next); its PnL is its change of realized PnL minus its fees;"
                    + " hit rate = winning / all round trips (null when none); profit factor = gross winning PnL /"
                    + " gross losing PnL of round trips (null when there is no losing round trip)",
            "turnover: traded notional (sum of |fill notional|) / capital over the whole run, not annualized;"
                    + " fills: fill events (a partially filled order counts each fill)");

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
