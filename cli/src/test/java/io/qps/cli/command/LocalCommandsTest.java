package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.embedded.Ports;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up}, {@code down} and {@code status} where no broker is, or can be, started. */
class LocalCommandsTest {
    @TempDir
    Path dir;

    @Test
    void downWithNothingRunning() {
        CliRun run = CliRun.run("down", "--data-dir", dir.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("schema-registry was not running\nkafka was not running\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void upOnATakenPortFailsWithOneLineAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", Integer.toString(port),
                    "--controller-port", "0");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("qps up: error: port " + port + " (Kafka listener) on 127.0.0.1 is"
                    + " already in use by another process; stop it or choose another port\n");
            assertThat(dir.resolve("kafka").resolve("broker.state")).doesNotExist();
        }
    }

    @Test
    void statusWithNothingRunningSaysWhyForEachAndExitsThree() {
        int kafkaPort = Ports.freePort();
        int registryPort = Ports.freePort();
        CliRun run = CliRun.run("status", "--data-dir", dir.toString(),
                "--bootstrap", "127.0.0.1:" + kafkaPort, "--registry-url", "http://127.0.0.1:" + registryPort);
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEmpty();
        assertThat(run.table()).containsExactly(
                List.of("kafka", "down", "127.0.0.1:9092", "not started from " + dir.resolve("kafka")),
                List.of("schema-registry", "down", "http://127.0.0.1:8081",
                        "not started from " + dir.resolve("registry")),
                List.of("cluster", "down", "127.0.0.1:" + kafkaPort, "cannot connect (nothing listening?)"),
                List.of("registry", "down", "http://127.0.0.1:" + registryPort, "cannot connect (nothing listening?)"));
    }
}
