package io.qps.core.strategy;

import io.qps.core.instrument.Money;
import java.util.List;

/**
 * Parameters of {@link DonchianBreakoutStrategy} ({@code alpha_2_breakout}).
 *
 * @param symbols instruments to trade, one instance each; empty means every instrument of the universe
 * @param barMicros bar period, microseconds of event time
 * @param channelBars bars in the Donchian channel (highest high, lowest low), excluding the bar just closed
 * @param atrBars bars in the average true range
 * @param atrMultiple trailing stop distance from the best close since entry, in ATRs
 * @param notional money value of a position at entry, {@link Money} units
 * @param maxNotional cap on a position's value, Money units
 */
public record BreakoutConfig(List<String> symbols, long barMicros, int channelBars, int atrBars,
                             double atrMultiple, long notional, long maxNotional) {

    public BreakoutConfig {
        symbols = List.copyOf(symbols);
        if (barMicros <= 0 || channelBars < 1 || atrBars < 1 || !(atrMultiple > 0) || notional <= 0 || maxNotional <= 0) {
            throw new IllegalArgumentException("invalid breakout config: bar=" + barMicros + " channel=" + channelBars
                    + " atr=" + atrBars + "x" + atrMultiple);
        }
    }

    /** All instruments, 5-minute bars, 20-bar channel, 3 x ATR(14) trailing stop, $100k positions. */
    public static BreakoutConfig defaults() {
        return new BreakoutConfig(List.of(), 300_000_000L, 20, 14, 3.0, 100_000 * Money.ONE, 400_000 * Money.ONE);
    }
}
