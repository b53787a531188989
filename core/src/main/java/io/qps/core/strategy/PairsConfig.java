package io.qps.core.strategy;

import io.qps.core.instrument.Money;
import java.util.Objects;

/**
 * Parameters of {@link PairsMeanReversionStrategy} ({@code alpha_1_pairs}).
 *
 * @param legA symbol of the dependent leg (y of the regression)
 * @param legB symbol of the hedge leg (x of the regression)
 * @param barMicros bar period, microseconds of event time
 * @param lookbackBars paired bars in the rolling OLS window of log mids
 * @param entryZ enter when |z| exceeds this
 * @param exitZ leave when z has come back inside this (on the entry side's opposite direction)
 * @param stopZ leave (and do not enter) when |z| exceeds this
 * @param cooldownBars paired bars without entries after a stop
 * @param legNotional money value of each leg at entry, {@link Money} units
 * @param maxNotional cap on each leg's value, Money units
 */
public record PairsConfig(String legA, String legB, long barMicros, int lookbackBars, double entryZ,
                          double exitZ, double stopZ, int cooldownBars, long legNotional, long maxNotional) {

    public PairsConfig {
        Objects.requireNonNull(legA, "legA");
        Objects.requireNonNull(legB, "legB");
        if (legA.equals(legB) || barMicros <= 0 || lookbackBars < 3 || cooldownBars < 0
                || !(exitZ >= 0 && exitZ < entryZ && entryZ < stopZ) || legNotional <= 0 || maxNotional <= 0) {
            throw new IllegalArgumentException("invalid pairs config: " + legA + "/" + legB + " lookback=" + lookbackBars
                    + " z=" + exitZ + "/" + entryZ + "/" + stopZ + " cooldown=" + cooldownBars);
        }
    }

    /** XOM/CVX, 1-minute bars, 60-bar window, entry 2, exit 0.5, stop 4, 30-bar cool-down, $100k legs. */
    public static PairsConfig defaults() {
        return new PairsConfig("XOM", "CVX", 60_000_000L, 60, 2.0, 0.5, 4.0, 30,
                100_000 * Money.ONE, 400_000 * Money.ONE);
    }
}
