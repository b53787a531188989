package io.qps.stream.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CausalKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausalGateTest {
    private static final byte[] P = {42};

    @Test
    void releasesInKeyOrderOnlyWhatEverySourceHasPassed() {
        CausalGate gate = CausalGate.create(2, new TreeMapGateBuffer());
        gate.offer(1, new CausalKey(3, "NQ", 0), new byte[] {3});
        gate.offer(0, new CausalKey(2, "ES", 1), new byte[] {21});
        gate.offer(0, new CausalKey(2, "ES", 0), new byte[] {20});
        gate.offer(0, new CausalKey(5, "ES", 0), new byte[] {5});

        assertThat(gate.advance(0, 4)).isEmpty();
        assertThat(gate.frontier()).isEqualTo(GateProgress.NONE);
        assertThat(gate.advance(1, 3)).containsExactly(
                new GateRecord(new CausalKey(2, "ES", 0), new byte[] {20}),
                new GateRecord(new CausalKey(2, "ES", 1), new byte[] {21}),
                new GateRecord(new CausalKey(3, "NQ", 0), new byte[] {3}));
        assertThat(gate.frontier()).isEqualTo(3);
        assertThat(gate.advance(1, 3)).isEmpty();
        assertThat(gate.advance(1, 10)).isEmpty();
        assertThat(gate.advance(0, 5)).containsExactly(new GateRecord(new CausalKey(5, "ES", 0), new byte[] {5}));
        assertThat(gate.frontier()).isEqualTo(5);
        assertThat(gate.passed(1)).isEqualTo(10);
    }

    @Test
    void aRecordAtOrBelowTheReleasedFrontierIsLate() {
        CausalGate gate = CausalGate.create(2, new TreeMapGateBuffer());
        gate.advance(0, 7);
        gate.advance(1, 4);

        assertThatThrownBy(() -> gate.offer(1, new CausalKey(4, "NQ", 0), P))
                .isInstanceOf(GateInvariantException.class)
                .hasMessage("late record 4|NQ|0 from source 1: that source already passed seq 4 (frontier 4)");
    }

    @Test
    void aRecordItsOwnSourceAlreadyPassedIsLateEvenAboveTheFrontier() {
        CausalGate gate = CausalGate.create(2, new TreeMapGateBuffer());
        gate.advance(0, 7);

        assertThatThrownBy(() -> gate.offer(0, new CausalKey(6, "ES", 0), P))
                .isInstanceOf(GateInvariantException.class)
                .hasMessage("late record 6|ES|0 from source 0: that source already passed seq 7 (frontier -1)");
    }

    @Test
    void aDuplicateCausalKeyIsABrokenInvariantWhicheverSourceSendsIt() {
        CausalGate gate = CausalGate.create(2, new TreeMapGateBuffer());
        gate.offer(0, new CausalKey(3, "ES", 0), P);

        assertThatThrownBy(() -> gate.offer(1, new CausalKey(3, "ES", 0), new byte[] {1}))
                .isInstanceOf(GateInvariantException.class)
                .hasMessage("duplicate causal key 3|ES|0 from source 1");
    }

    @Test
    void progressGoingBackwardsOrAnUnknownSourceIsABrokenInvariant() {
        CausalGate gate = CausalGate.create(2, new TreeMapGateBuffer());
        gate.advance(0, 5);

        assertThatThrownBy(() -> gate.advance(0, 4)).isInstanceOf(GateInvariantException.class)
                .hasMessage("progress of source 0 went backwards: passed 5, then reported 4");
        assertThatThrownBy(() -> gate.advance(2, 4)).isInstanceOf(GateInvariantException.class)
                .hasMessage("unknown source 2: the gate has sources 0..1");
        assertThatThrownBy(() -> gate.offer(-1, new CausalKey(9, "ES", 0), P))
                .isInstanceOf(GateInvariantException.class)
                .hasMessage("unknown source -1: the gate has sources 0..1");
        assertThatThrownBy(() -> CausalGate.create(0, new TreeMapGateBuffer()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressBytesRoundTrip() {
        GateProgress progress = new GateProgress(3);
        progress.advance(0, 12);
        progress.advance(2, Long.MAX_VALUE);

        GateProgress read = GateProgress.read(progress.write());

        assertThat(read.sources()).isEqualTo(3);
        assertThat(List.of(read.passed(0), read.passed(1), read.passed(2)))
                .containsExactly(12L, GateProgress.NONE, Long.MAX_VALUE);
        assertThat(read.frontier()).isEqualTo(GateProgress.NONE);
        assertThat(progress.write()).hasSize(4 + 4 + 3 * 8);
        assertThatThrownBy(() -> GateProgress.read(new byte[] {0, 0, 0, 9, 0, 0, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown gate progress format 9");
    }

    @Test
    void aRestoredGateContinuesWhereTheOriginalStopped() {
        TreeMapGateBuffer buffer = new TreeMapGateBuffer();
        CausalGate original = CausalGate.create(2, buffer);
        original.offer(0, new CausalKey(1, "ES", 0), P);
        original.offer(1, new CausalKey(2, "NQ", 0), P);
        original.advance(0, 1);

        CausalGate restored = CausalGate.restore(original.writeProgress(), buffer.copy());

        assertThat(restored.passed(0)).isEqualTo(1);
        assertThat(restored.advance(1, 2)).extracting(r -> r.key().canonical()).containsExactly("1|ES|0");
        assertThat(original.advance(1, 2)).extracting(r -> r.key().canonical()).containsExactly("1|ES|0");
        assertThatThrownBy(() -> restored.offer(0, new CausalKey(1, "ES", 1), P))
                .isInstanceOf(GateInvariantException.class);
    }
}
