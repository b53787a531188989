package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the broker controller does without ever starting a broker. */
class EmbeddedKafkaTest {
    @TempDir
    Path dir;

    @Test
    void statusWithoutStateFileIsDownAndSaysWhere() {
        EmbeddedKafka kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir));
        BrokerStatus status = kafka.status();
        assertThat(status.up()).isFalse();
        assertThat(status.state()).isEmpty();
        assertThat(status.detail()).isEqualTo("not started from " + dir.toAbsolutePath().normalize());
        assertThat(kafka.stop()).isFalse();
    }

    @Test
    void staleStateFileOfAnEndedProcessIsReportedAndCleanedByStop() throws Exception {
        Process ended = new ProcessBuilder(JavaProcesses.javaExecutable(), "-version").start();
        ended.waitFor();
        new BrokerState(ended.pid(), 1, 2, "c").write(dir);
        EmbeddedKafka kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir));
        BrokerStatus status = kafka.status();
        assertThat(status.processAlive()).isFalse();
        assertThat(status.detail()).startsWith("process " + ended.pid() + " has ended (stale state file)");
        assertThat(kafka.stop()).isFalse();
        assertThat(kafka.state()).isEmpty();
    }

    @Test
    void aTakenPortFailsBeforeAnythingIsStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            EmbeddedKafka kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir).withPorts(port, 0));
            assertThatThrownBy(kafka::start).isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessage("port " + port + " (Kafka listener) on 127.0.0.1 is already in use by another"
                            + " process; stop it or choose another port");
            assertThat(kafka.state()).isEmpty();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void aBrokerThatDiesAtStartIsReportedWithItsLogTail() {
        EmbeddedKafka kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir).withMaxHeap("1k"));
        Path log = dir.toAbsolutePath().normalize().resolve("logs").resolve("server.log");
        assertThatThrownBy(kafka::start).isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageStartingWith("the Kafka broker exited during start-up (exit 1); see " + log
                        + "\n--- last lines of " + log + " ---\n")
                .hasMessageContaining("Too small maximum heap");
        assertThat(kafka.state()).isEmpty();
        assertThat(dir.resolve("data").resolve("meta.properties")).exists();
    }
}
