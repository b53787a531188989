package io.qps.core.strategy;

import io.qps.core.instrument.Money;
import java.util.List;

/**
 * Parameters of {@link CrossAssetMomentumStrategy} ({@code alpha_4_multi_asset}).
 *
 * @param symbols the universe to rank; empty means every instrument of the session's universe
 * @param rebalanceMicros rebalance period, microseconds of event time (boundaries aligned to the epoch)
 * @param lookbackPeriods the return is measured over this many rebalance periods
 * @param topK instruments held long (the best) and short (the worst); at least {@code 2 * topK}
 *     fresh instruments are needed to hold anything
 * @param staleMicros an instrument whose last quote is older than this at a rebalance is skipped
 * @param notional money value of each position at entry, {@link Money} units
 * @param maxNotional cap on each position's value, Money units
 */
public record MomentumConfig(List<String> symbols, long rebalanceMicros, int lookbackPeriods, int topK,
                             long staleMicros, long notional, long maxNotional) {

    public MomentumConfig {
        symbols = List.copyOf(symbols);
        if (rebalanceMicros <= 0 || lookbackPeriods < 1 || topK < 1 || staleMicros < 0 || notional <= 0
                || maxNotional <= 0) {
            throw new IllegalArgumentException("invalid momentum config: period=" + rebalanceMicros + " lookback="
                    + lookbackPeriods + " k=" + topK + " stale=" + staleMicros);
        }
    }

    /** Whole universe, hourly rebalance, 4-hour lookback, top/bottom 2, 5-minute staleness, $100k positions. */
    public static MomentumConfig defaults() {
        return new MomentumConfig(List.of(), 3_600_000_000L, 4, 2, 300_000_000L,
                100_000 * Money.ONE, 400_000 * Money.ONE);
    }
}
