package io.qps.core.strategy;

/**
 * Where a strategy states the position it wants. A strategy never sends orders and never sees
 * fills: it says "I want to hold {@code quantity} of this instrument", and the execution step turns
 * the difference from the filled position into orders. Calls made while handling one event are
 * numbered in call order (the sub-index of their causal key).
 */
public interface TargetSink {
    /** Reach {@code quantity} (signed raw units, whole lots, 0 = flat) with a market order. */
    void target(int instrument, long quantity);

    /** Reach {@code quantity} with a limit order resting at {@code limitPrice} (raw, on tick). */
    void targetLimit(int instrument, long quantity, long limitPrice);
}
