package io.qps.core.strategy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The strategy part of a session's configuration: which strategies run and each one's parameters.
 *
 * @param enabled the strategies to instantiate; held as an unmodifiable {@link EnumSet}, so it iterates
 *     and prints in {@link StrategyId} order (and so does this record's {@code toString})
 */
public record StrategiesConfig(Set<StrategyId> enabled, PairsConfig pairs, BreakoutConfig breakout, MtfConfig mtf,
                               MomentumConfig momentum, ImbalanceConfig imbalance) {

    public StrategiesConfig {
        EnumSet<StrategyId> ids = EnumSet.noneOf(StrategyId.class);
        ids.addAll(enabled);
        enabled = Collections.unmodifiableSet(ids);
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(breakout, "breakout");
        Objects.requireNonNull(mtf, "mtf");
        Objects.requireNonNull(momentum, "momentum");
        Objects.requireNonNull(imbalance, "imbalance");
    }

    /** All five strategies with their default parameters. */
    public static StrategiesConfig defaults() {
        return new StrategiesConfig(EnumSet.allOf(StrategyId.class), PairsConfig.defaults(), BreakoutConfig.defaults(),
                MtfConfig.defaults(), MomentumConfig.defaults(), ImbalanceConfig.defaults());
    }

    /** This configuration with only the given strategies enabled. */
    public StrategiesConfig only(StrategyId first, StrategyId... rest) {
        return new StrategiesConfig(EnumSet.of(first, rest), pairs, breakout, mtf, momentum, imbalance);
    }
}
