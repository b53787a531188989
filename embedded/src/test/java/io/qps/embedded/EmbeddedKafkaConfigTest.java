package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {
    @Test
    void defaultsAreTheProjectFolderAndTheStandardPorts() {
        EmbeddedKafkaConfig c = EmbeddedKafkaConfig.defaults();
        assertThat(c.dataDir()).isEqualTo(Path.of(".qps", "kafka"));
        assertThat(c.port()).isEqualTo(9092);
        assertThat(c.controllerPort()).isEqualTo(9093);
        assertThat(c.maxHeap()).isEqualTo("512m");
        assertThat(c.classpath()).isEqualTo(BackgroundJvm.currentClasspath());
        assertThat(c.startTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.stopWithParent()).isFalse();
    }

    @Test
    void ephemeralUsesFreePortsAndDiesWithItsParent() {
        EmbeddedKafkaConfig c = EmbeddedKafkaConfig.ephemeral(Path.of("/tmp/x"));
        assertThat(c.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(c.port()).isZero();
        assertThat(c.controllerPort()).isZero();
        assertThat(c.stopWithParent()).isTrue();
    }

    @Test
    void withersChangeOneField() {
        EmbeddedKafkaConfig c = EmbeddedKafkaConfig.defaults().withPorts(1, 2).withMaxHeap("1g")
                .withClasspath("a.jar").withStartTimeout(Duration.ofSeconds(5));
        assertThat(c).isEqualTo(new EmbeddedKafkaConfig(Path.of(".qps", "kafka"), 1, 2, "1g", "a.jar",
                Duration.ofSeconds(5), false, false));
    }

    @Test
    void rejectsBadPortsAndHeap() {
        EmbeddedKafkaConfig c = EmbeddedKafkaConfig.defaults();
        assertThatThrownBy(() -> c.withPorts(9092, 9092)).hasMessage("port and controllerPort must differ: 9092");
        assertThatThrownBy(() -> c.withPorts(70_000, 1)).hasMessage("port must be 0..65535: 70000");
        assertThatThrownBy(() -> c.withMaxHeap("lots")).hasMessage("maxHeap must look like 512m or 1g: lots");
    }
}
