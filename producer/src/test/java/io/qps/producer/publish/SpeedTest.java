package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpeedTest {
    @Test
    void parsesMaxAndMultiples() {
        assertThat(Speed.parse("max")).isEqualTo(Speed.MAX);
        assertThat(Speed.parse(" MAX ").isMax()).isTrue();
        assertThat(Speed.parse("60").factor()).isEqualTo(60.0);
        assertThat(Speed.parse("2.5x").factor()).isEqualTo(2.5);
        assertThat(Speed.parse("1").toString()).isEqualTo("1.0x");
        assertThat(Speed.MAX.toString()).isEqualTo("max");
    }

    @Test
    void refusesNonPositiveOrGarbage() {
        assertThatThrownBy(() -> Speed.parse("fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid speed 'fast': use 'max' or a positive multiple of real time such as 1, 60 or 2.5");
        assertThatThrownBy(() -> Speed.parse("0"))
                .hasMessage("invalid speed '0': it must be a positive multiple of real time, or 'max'");
        assertThatThrownBy(() -> Speed.parse("-3"))
                .hasMessage("invalid speed '-3': it must be a positive multiple of real time, or 'max'");
        assertThatThrownBy(() -> Speed.parse("NaN")).hasMessage(
                "invalid speed 'NaN': use 'max' or a positive multiple of real time such as 1, 60 or 2.5");
        assertThatThrownBy(() -> Speed.parse("1e999"))
                .hasMessage("invalid speed '1e999': it must be a positive multiple of real time, or 'max'");
    }
}
