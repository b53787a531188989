package io.qps.core.execution;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;

/**
 * A (possibly partial) fill of one of our orders.
 *
 * <p>Causal key: {@code (seq, symbol, sub)}: the market event that filled it (always after the
 * order's cause), the instrument, and the index among that event's fills of the instrument.
 *
 * @param quantity unsigned raw quantity filled
 * @param price raw fill price
 * @param fee fee charged, money units (negative = rebate)
 * @param remaining raw quantity of the order still open after this fill
 * @param orderCauseSeq the {@code causeSeq} of the order, always {@code < seq}
 */
public record FillEvent(long seq, String symbol, int sub, long timestampMicros, StrategyId strategy,
                        int instrument, String orderId, Side side, long quantity, long price,
                        Liquidity liquidity, long fee, long remaining, long orderCauseSeq)
        implements OutputRecord {

    /** Signed quantity: positive for a buy. */
    public long signedQuantity() {
        return side.sign() * quantity;
    }

    @Override
    public CausalKey key() {
        return new CausalKey(seq, symbol, sub);
    }

    @Override
    public String canonical() {
        return key().canonical() + "|FILL|" + timestampMicros + "|" + strategy.code() + "|" + orderId + "|"
                + side + "|" + quantity + "|" + price + "|" + liquidity + "|" + fee + "|" + remaining + "|"
                + orderCauseSeq;
    }
}
