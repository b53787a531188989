package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The probe's answers when no broker is there; it must answer in bounded time and never throw. */
class KafkaProbeTest {
    @Test
    void unresolvableHostIsDownWithKafkasReason() {
        KafkaProbe.Result result = KafkaProbe.probe("no-such-host.invalid:9092", Duration.ofSeconds(1));
        assertThat(result.up()).isFalse();
        assertThat(result.clusterId()).isEmpty();
        assertThat(result.brokers()).isZero();
        assertThat(result.error()).isEqualTo("Failed to create new KafkaAdminClient: No resolvable bootstrap urls given in"
                + " bootstrap.servers");
    }

    @Test
    void closedPortIsDownAfterTheTimeout() {
        KafkaProbe.Result result = KafkaProbe.probe("127.0.0.1:" + Ports.freePort(), Duration.ofSeconds(1));
        assertThat(result).isEqualTo(new KafkaProbe.Result(false, "", 0, "no answer within 1000 ms"));
    }
}
