package io.qps.core.execution;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;

/**
 * An order placed or canceled by the execution step on a strategy's behalf.
 *
 * <p>Causal key: {@code (causeSeq, strategy/symbol, sub)}, where {@code causeSeq} is the market event
 * whose target produced it and {@code sub} numbers this instrument's order events of that cause.
 *
 * @param orderId deterministic id, {@code strategy:symbol:causeSeq:sub} of the placing event
 * @param quantity unsigned raw quantity (the order's size, or the remaining size canceled)
 * @param activeFromMicros event time from which the order may fill (cause time + latency)
 */
public record OrderEvent(long causeSeq, StrategyId strategy, String symbol, int sub, Action action,
                         String orderId, Side side, long quantity, OrderType type, long limitPrice,
                         long activeFromMicros) implements OutputRecord {

    /** What happened to the order. */
    public enum Action {
        PLACED,
        CANCELED
    }

    @Override
    public CausalKey key() {
        return new CausalKey(causeSeq, strategy.code() + "/" + symbol, sub);
    }

    @Override
    public String canonical() {
        return key().canonical() + "|" + action + "|" + orderId + "|" + side + "|" + quantity + "|" + type
                + "|" + limitPrice + "|" + activeFromMicros;
    }
}
