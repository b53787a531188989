package io.qps.core.execution;

import io.qps.core.strategy.StrategyId;

/**
 * A strategy's wish to hold {@code quantity} of an instrument, stamped with its cause: the event
 * {@code causeSeq} (time {@code causeTimestampMicros}) during which the strategy stated it, and
 * {@code sub}, its index among the strategy's targets for that event.
 *
 * @param quantity signed raw quantity (0 = flat)
 * @param type MARKET, or LIMIT at {@code limitPrice}
 * @param limitPrice raw price for LIMIT, 0 for MARKET
 */
public record TargetPosition(long causeSeq, long causeTimestampMicros, StrategyId strategy, int sub,
                             int instrument, long quantity, OrderType type, long limitPrice) {
}
