package io.qps.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Universe;
import org.junit.jupiter.api.Test;

class SimConfigTest {

    @Test
    void defaultsStartOnMonday2024AtDensityOne() {
        SimConfig c = SimConfig.defaults(42, 3);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.days()).isEqualTo(3);
        assertThat(c.startMicros()).isEqualTo(1_704_067_200_000_000L);
        assertThat(c.endMicros()).isEqualTo(1_704_067_200_000_000L + 3 * 86_400_000_000L);
        assertThat(c.universe().size()).isEqualTo(10);
        assertThat(c.densityScale()).isEqualTo(1.0);
        assertThat(c.withDensity(0.5).densityScale()).isEqualTo(0.5);
    }

    @Test
    void rejectsOutOfRangeArgumentsWithClearMessages() {
        Universe u = Universe.standard();
        long start = SimConfig.DEFAULT_START_MICROS;
        assertThatThrownBy(() -> new SimConfig(1, 0, start, u, 1.0))
                .hasMessage("days must be within 1..366, was 0");
        assertThatThrownBy(() -> new SimConfig(1, 367, start, u, 1.0))
                .hasMessage("days must be within 1..366, was 367");
        assertThatThrownBy(() -> new SimConfig(1, 1, start + 5, u, 1.0))
                .hasMessage("startMicros must be a non-negative whole second in micros, was 1704067200000005");
        assertThatThrownBy(() -> new SimConfig(1, 1, start, u, 0.0))
                .hasMessage("densityScale must be within (0, 10], was 0.0");
        assertThatThrownBy(() -> new SimConfig(1, 1, start, u, Double.NaN))
                .hasMessage("densityScale must be within (0, 10], was NaN");
        assertThatThrownBy(() -> new SimConfig(1, 1, start, null, 1.0)).hasMessage("universe");
    }
}
