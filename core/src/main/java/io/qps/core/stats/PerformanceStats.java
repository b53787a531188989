package io.qps.core.stats;

/**
 * Performance of one book (a strategy, or the whole portfolio).
 *
 * <p>Money values are exact {@code Money} units. Ratios are {@code double}s computed in a fixed
 * order from exact inputs, so they too are identical on every run. Sampling: the equity curve's
 * fixed event-time interval; a period's return is its PnL change divided by the book's capital;
 * Sharpe and Sortino are annualized by {@code sqrt(periods per year)} with a 365-day year and a zero
 * risk-free rate.
 *
 * @param roundTrips closed round trips (a position opened from flat and closed to flat or flipped)
 * @param fills number of fills
 * @param realizedPnl realized PnL before fees
 * @param unrealizedPnl open positions marked to mid minus cost basis, at the end of the run
 * @param fees fees paid
 * @param totalPnl {@code realizedPnl + unrealizedPnl - fees}
 * @param sharpe annualized Sharpe ratio of per-period returns (sample standard deviation)
 * @param sortino annualized Sortino ratio (downside deviation over all periods)
 * @param maxDrawdown largest fall of the equity curve from a previous peak (money, non-negative)
 * @param maxDrawdownPct {@code maxDrawdown / capital}
 * @param hitRate winning round trips / round trips (0 when none)
 * @param profitFactor gross winning PnL / gross losing PnL of round trips ({@code +Inf} when no loss, 0 when none)
 * @param tradedNotional sum of fill notionals (money)
 * @param turnover {@code tradedNotional / capital}
 * @param capital the capital the ratios use (money)
 * @param periods number of equity-curve samples
 */
public record PerformanceStats(String book, long roundTrips, long fills, long realizedPnl, long unrealizedPnl,
                               long fees, long totalPnl, double sharpe, double sortino, long maxDrawdown,
                               double maxDrawdownPct, double hitRate, double profitFactor, long tradedNotional,
                               double turnover, long capital, long periods) {
}
