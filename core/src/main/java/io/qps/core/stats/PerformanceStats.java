package io.qps.core.stats;

/**
 * Performance of one book (a strategy, or the whole portfolio), under the conventions of
 * {@link StatsConfig#CONVENTIONS}.
 *
 * <p>Money values are exact {@code Money} units, taken from the book's equity curve (its last sample is the
 * final PnL). Ratios are {@code double}s computed in a fixed order from exact inputs with {@code StrictMath},
 * so they too are identical on every run; a ratio that is undefined is {@code null}.
 *
 * @param book a strategy code or {@code TOTAL}
 * @param capital the capital the ratios use (money)
 * @param samples number of equity-curve samples
 * @param days number of UTC days with samples (daily returns)
 * @param firstSampleMicros boundary of the first sample (0 when none)
 * @param lastSampleMicros boundary of the last sample (0 when none)
 * @param realizedPnl realized PnL before fees at the last sample
 * @param unrealizedPnl open positions marked to mid minus cost basis at the last sample
 * @param fees fees paid up to the last sample
 * @param totalPnl {@code realizedPnl + unrealizedPnl - fees} at the last sample: the book's final PnL
 * @param grossExposure gross exposure at the last sample
 * @param totalReturn {@code totalPnl / capital}
 * @param annualizedReturn mean daily return x days per year; null without a day
 * @param annualizedVolatility sample standard deviation of daily returns x sqrt(days per year); null under 2 days
 * @param sharpe daily Sharpe ratio, annualized; null when undefined
 * @param sortino daily Sortino ratio, annualized; null when undefined
 * @param calmar {@code annualizedReturn / maxDrawdownPct}; null when undefined
 * @param sharpeIntraday Sharpe ratio of per-sample returns, annualized; null when undefined
 * @param maxDrawdown largest fall of total PnL from a previous peak (money, non-negative)
 * @param maxDrawdownPct largest fall of equity from a previous peak, over that peak equity
 * @param maxDrawdownDurationMicros longest event time spent below a previous peak
 * @param exposure share of samples with non-zero gross exposure; null without samples
 * @param hitRate winning round trips / round trips; null without round trips
 * @param profitFactor gross winning PnL / gross losing PnL of round trips; null without a losing round trip
 * @param tradedNotional sum of fill notionals (money)
 * @param turnover {@code tradedNotional / capital} over the run
 * @param roundTrips closed round trips (see {@link StatsConfig#CONVENTIONS})
 * @param fills number of fill events
 */
public record PerformanceStats(String book, long capital, long samples, long days, long firstSampleMicros,
                               long lastSampleMicros, long realizedPnl, long unrealizedPnl, long fees, long totalPnl,
                               long grossExposure, double totalReturn, Double annualizedReturn,
                               Double annualizedVolatility, Double sharpe, Double sortino, Double calmar,
                               Double sharpeIntraday, long maxDrawdown, double maxDrawdownPct,
                               long maxDrawdownDurationMicros, Double exposure, Double hitRate, Double profitFactor,
                               long tradedNotional, double turnover, long roundTrips, long fills) {
}
