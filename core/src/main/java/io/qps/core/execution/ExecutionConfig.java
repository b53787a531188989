package io.qps.core.execution;

import io.qps.core.instrument.Money;
import java.util.Objects;

/**
 * Configuration of the execution step.
 *
 * @param fees maker/taker fee rates per asset class
 * @param latencyMicros event-time delay between an order's cause and the first event it may fill
 *     against, microseconds, {@code >= 0}
 * @param maxPositionNotional largest absolute position value a strategy may target in one
 *     instrument, {@link Money} units
 */
public record ExecutionConfig(FeeSchedule fees, long latencyMicros, long maxPositionNotional) {

    public ExecutionConfig {
        Objects.requireNonNull(fees, "fees");
        if (latencyMicros < 0 || maxPositionNotional <= 0) {
            throw new IllegalArgumentException("latency must be >= 0 and the position limit > 0");
        }
    }

    /** Default fees, no latency, $500,000 per strategy and instrument. */
    public static ExecutionConfig defaults() {
        return new ExecutionConfig(FeeSchedule.defaults(), 0, Math.multiplyExact(500_000L, Money.ONE));
    }
}
