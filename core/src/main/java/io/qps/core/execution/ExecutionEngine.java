package io.qps.core.execution;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.state.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/**
 * The execution of a whole universe: one {@link InstrumentExecution} per instrument, chosen by the
 * instrument id of each target and market event. A target for an id outside the universe is rejected
 * with {@link RejectReason#UNKNOWN_INSTRUMENT}: its symbol is {@code "#" + id} and its sub the target's
 * own {@code sub}; its side is BUY for a quantity {@code >= 0}. A market event of an unknown instrument
 * is a broken invariant and throws.
 */
public final class ExecutionEngine implements Snapshottable {
    private final InstrumentExecution[] executions;

    public ExecutionEngine(Universe universe, ExecutionConfig config) {
        Objects.requireNonNull(config, "config");
        executions = new InstrumentExecution[universe.size()];
        for (int i = 0; i < executions.length; i++) {
            executions[i] = new InstrumentExecution(universe.get(i), config);
        }
    }

    /** Routes a target to its instrument, or rejects it when the instrument is unknown. */
    public void onTarget(TargetPosition t, ExecutionListener out) {
        int id = t.instrument();
        if (id < 0 || id >= executions.length) {
            String symbol = "#" + id;
            out.onReject(new RejectEvent(t.causeSeq(), t.strategy(), symbol, t.sub(),
                    t.strategy().code() + ":" + symbol + ":" + t.causeSeq() + ":" + t.sub(),
                    t.quantity() >= 0 ? Side.BUY : Side.SELL, Math.abs(t.quantity()), t.type(), t.limitPrice(),
                    RejectReason.UNKNOWN_INSTRUMENT));
            return;
        }
        executions[id].onTarget(t, out);
    }

    /** Routes a market event to its instrument's execution. */
    public void onMarketEvent(MarketEvent e, ExecutionListener out) {
        instrument(e.instrument()).onMarketEvent(e, out);
    }

    /** The execution of instrument {@code id}. */
    public InstrumentExecution instrument(int id) {
        if (id < 0 || id >= executions.length) {
            throw new IllegalArgumentException("unknown instrument id " + id);
        }
        return executions[id];
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(executions.length);
        for (InstrumentExecution e : executions) {
            e.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != executions.length) {
            throw new IOException("state holds " + n + " instruments, this universe " + executions.length);
        }
        for (InstrumentExecution e : executions) {
            e.readState(in);
        }
    }
}
