package io.qps.stream.processor;

import io.qps.core.execution.InstrumentExecution;
import io.qps.core.instrument.Instrument;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.Strategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Everything an exec task keeps for one instrument: its execution and its single-instrument strategy instances
 * (creation order). Stored as one entry under the instrument's symbol.
 */
final class InstrumentState implements Snapshottable {
    final Instrument instrument;
    final InstrumentExecution execution;
    final Strategy[] strategies;

    InstrumentState(Instrument instrument, InstrumentExecution execution, Strategy[] strategies) {
        this.instrument = instrument;
        this.execution = execution;
        this.strategies = strategies;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        execution.writeState(out);
        out.writeInt(strategies.length);
        for (Strategy s : strategies) {
            out.writeUTF(s.instanceName());
            s.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        execution.readState(in);
        int n = in.readInt();
        if (n != strategies.length) {
            throw new IOException(instrument.symbol() + ": state has " + n + " strategies, this task runs "
                    + strategies.length);
        }
        for (Strategy s : strategies) {
            String name = in.readUTF();
            if (!name.equals(s.instanceName())) {
                throw new IOException("state of " + name + " where " + s.instanceName() + " was expected");
            }
            s.readState(in);
        }
    }
}
