package io.qps.core.execution;

import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Mutable state of one working order of {@link InstrumentExecution}: its identity, what is left of
 * it, its phase and, once resting, its queue position (raw quantity of others ahead of it).
 */
final class WorkingOrder {
    /** Life cycle of a working order. */
    enum Phase {
        /** Placed; waits for the first event after its cause and latency. */
        PENDING,
        /** Active; enters the book at the next book event (a market order takes on every book event). */
        ACTIVE,
        /** A limit order resting in the book with a queue position. */
        RESTING
    }

    final String orderId;
    final StrategyId strategy;
    final Side side;
    final OrderType type;
    final long limitPrice;
    final long causeSeq;
    final int sub;
    final long activeFromMicros;
    long remaining;
    Phase phase;
    long queueAhead;

    WorkingOrder(String orderId, StrategyId strategy, Side side, OrderType type, long limitPrice, long causeSeq,
                 int sub, long activeFromMicros, long remaining, Phase phase, long queueAhead) {
        this.orderId = orderId;
        this.strategy = strategy;
        this.side = side;
        this.type = type;
        this.limitPrice = limitPrice;
        this.causeSeq = causeSeq;
        this.sub = sub;
        this.activeFromMicros = activeFromMicros;
        this.remaining = remaining;
        this.phase = phase;
        this.queueAhead = queueAhead;
    }

    /** Placement (causal key) order: cause seq, then strategy code, then sub. */
    int compareTo(WorkingOrder o) {
        int c = Long.compare(causeSeq, o.causeSeq);
        if (c == 0) {
            c = strategy.code().compareTo(o.strategy.code());
        }
        return c != 0 ? c : Integer.compare(sub, o.sub);
    }

    /** Whether a limit price is reached by {@code price} from this order's point of view. */
    boolean marketable(long price) {
        return type == OrderType.MARKET || (side == Side.BUY ? price <= limitPrice : price >= limitPrice);
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(orderId);
        out.writeByte(strategy.ordinal());
        out.writeByte(side.ordinal());
        out.writeByte(type.ordinal());
        out.writeLong(limitPrice);
        out.writeLong(causeSeq);
        out.writeInt(sub);
        out.writeLong(activeFromMicros);
        out.writeLong(remaining);
        out.writeByte(phase.ordinal());
        out.writeLong(queueAhead);
    }

    static WorkingOrder read(DataInput in) throws IOException {
        return new WorkingOrder(in.readUTF(), StrategyId.values()[in.readByte()], Side.values()[in.readByte()],
                OrderType.values()[in.readByte()], in.readLong(), in.readLong(), in.readInt(), in.readLong(),
                in.readLong(), Phase.values()[in.readByte()], in.readLong());
    }
}
