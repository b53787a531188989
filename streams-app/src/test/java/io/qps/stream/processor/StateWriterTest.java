package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reusable writer gives exactly DataOutputStream's bytes, for every core state and every primitive. */
class StateWriterTest {
    private static byte[] viaStream(Snapshottable s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            s.writeState(out);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyPrimitiveIsWrittenAsDataOutputStreamWritesIt() throws IOException {
        Snapshottable all = new Snapshottable() {
            @Override
            public void writeState(java.io.DataOutput out) throws IOException {
                out.writeBoolean(true);
                out.writeByte(-3);
                out.writeShort(-2);
                out.writeChar('\u20ac');
                out.writeInt(Integer.MIN_VALUE);
                out.writeLong(-1234567890123L);
                out.writeFloat(1.5f);
                out.writeDouble(-0.1);
                out.writeBytes("ab");
                out.writeChars("z\u00e9");
                out.writeUTF("ES/\u0000\u00e9\u20ac");
                out.write(new byte[] {9, 8, 7}, 1, 2);
            }

            @Override
            public void readState(java.io.DataInput in) {
                throw new UnsupportedOperationException();
            }
        };
        StateWriter w = new StateWriter();
        assertThat(w.write(all)).isEqualTo(viaStream(all));
        assertThat(w.write(all)).hasSize(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + 2 + 4 + (2 + 3 + 2 + 2 + 3) + 2);
    }

    @Test
    void coreStatesAfterADayAreByteIdentical() throws IOException {
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(0.05)).run(events::add);
        ReferenceRun run = new ReferenceRun(Universe.standard(), EngineConfig.defaults());
        events.forEach(run::accept);
        StateWriter w = new StateWriter();
        for (Strategy s : run.engine().strategies()) {
            assertThat(w.write(s)).as(s.instanceName()).isEqualTo(viaStream(s));
        }
        assertThat(w.write(run.engine().portfolio())).isEqualTo(viaStream(run.engine().portfolio()));
        assertThat(w.write(run.engine())).isEqualTo(viaStream(run.engine())).hasSizeGreaterThan(10_000);
    }
}
