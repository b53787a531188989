package io.qps.core.strategy;

import io.qps.core.instrument.Money;
import java.util.List;

/**
 * Parameters of {@link MultiTimeframeTrendStrategy} ({@code alpha_3_mtf}).
 *
 * @param symbols instruments to trade, one instance each; empty means every instrument of the universe
 * @param fastBarMicros period of the entry bars, microseconds of event time
 * @param slowBarMicros period of the trend bars, microseconds of event time
 * @param trendFastBars trend bars in the fast moving average
 * @param trendSlowBars trend bars in the slow moving average (the trend is the sign of fast - slow)
 * @param pullbackMaBars entry bars in the short moving average that defines a pullback
 * @param atrBars entry bars in the average true range used by the stop and the target
 * @param stopAtr stop distance from the entry close, in ATRs at entry
 * @param targetAtr profit target distance from the entry close, in ATRs at entry
 * @param notional money value of a position at entry, {@link Money} units
 * @param maxNotional cap on a position's value, Money units
 */
public record MtfConfig(List<String> symbols, long fastBarMicros, long slowBarMicros, int trendFastBars,
                        int trendSlowBars, int pullbackMaBars, int atrBars, double stopAtr, double targetAtr,
                        long notional, long maxNotional) {

    public MtfConfig {
        symbols = List.copyOf(symbols);
        if (fastBarMicros <= 0 || slowBarMicros <= fastBarMicros || trendFastBars < 1
                || trendSlowBars <= trendFastBars || pullbackMaBars < 1 || atrBars < 1
                || !(stopAtr > 0) || !(targetAtr > 0) || notional <= 0 || maxNotional <= 0) {
            throw new IllegalArgumentException("invalid multi-timeframe config: bars " + fastBarMicros + "/" + slowBarMicros
                    + " trend MA " + trendFastBars + "/" + trendSlowBars + " pullback MA " + pullbackMaBars);
        }
    }

    /**
     * All instruments; trend from 3- vs 8-bar moving averages of 60-minute bars; entries on 5-minute
     * bars crossing back over their 6-bar average; stop 2 ATR(12), target 3 ATR; $100k positions.
     */
    public static MtfConfig defaults() {
        return new MtfConfig(List.of(), 300_000_000L, 3_600_000_000L, 3, 8, 6, 12, 2.0, 3.0,
                100_000 * Money.ONE, 400_000 * Money.ONE);
    }
}
