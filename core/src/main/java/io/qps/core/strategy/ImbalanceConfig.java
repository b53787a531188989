package io.qps.core.strategy;

import io.qps.core.instrument.Money;
import java.util.List;

/**
 * Parameters of {@link OrderBookImbalanceStrategy} ({@code alpha_5_orderbook}).
 *
 * @param symbols instruments to trade, one instance each; empty means every instrument with L2 depth
 * @param levels book levels per side in the imbalance
 * @param threshold enter when the imbalance is beyond +/- this (0 &lt; threshold &lt; 1)
 * @param holdMicros event time a position is held before it is flattened with a market order
 * @param cooldownMicros event time after flattening before the next entry
 * @param notional money value of a position at entry, {@link Money} units (one lot at least)
 * @param maxNotional cap on a position's value, Money units
 */
public record ImbalanceConfig(List<String> symbols, int levels, double threshold, long holdMicros,
                              long cooldownMicros, long notional, long maxNotional) {

    public ImbalanceConfig {
        symbols = List.copyOf(symbols);
        if (levels < 1 || !(threshold > 0 && threshold < 1) || holdMicros <= 0 || cooldownMicros < 0
                || notional <= 0 || maxNotional <= 0) {
            throw new IllegalArgumentException("invalid imbalance config: levels=" + levels + " threshold=" + threshold
                    + " hold=" + holdMicros + " cooldown=" + cooldownMicros);
        }
    }

    /**
     * Depth instruments, top 3 levels, threshold 0.75, 30 s hold, 2-minute cool-down, $20k positions
     * (at least one lot, so one ES or NQ contract of about $240k or $336k, under the $400k cap). On
     * {@code SimConfig.defaults(42, 3)} this gives about 1,270 round trips. Lower thresholds fire on almost every book (0.6: about 4,300 round trips, five times the
     * orders) and only add fees: joined-bid fills are adversely selected, so the edge does not grow with
     * the count.
     */
    public static ImbalanceConfig defaults() {
        return new ImbalanceConfig(List.of(), 3, 0.75, 30_000_000L, 120_000_000L,
                20_000 * Money.ONE, 400_000 * Money.ONE);
    }
}
