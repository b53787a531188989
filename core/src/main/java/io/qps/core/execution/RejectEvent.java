package io.qps.core.execution;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;

/**
 * An order the execution step refused. Rejections are data: they travel with fills.
 *
 * <p>Causal key: {@code (causeSeq, strategy/symbol, sub)}, the same numbering as {@link OrderEvent}
 * (a rejected order takes the sub-index its placement would have had).
 */
public record RejectEvent(long causeSeq, StrategyId strategy, String symbol, int sub, String orderId,
                          Side side, long quantity, OrderType type, long limitPrice, RejectReason reason)
        implements OutputRecord {

    @Override
    public CausalKey key() {
        return new CausalKey(causeSeq, strategy.code() + "/" + symbol, sub);
    }

    @Override
    public String canonical() {
        return key().canonical() + "|REJECT|" + orderId + "|" + side + "|" + quantity + "|" + type + "|"
                + limitPrice + "|" + reason;
    }
}
