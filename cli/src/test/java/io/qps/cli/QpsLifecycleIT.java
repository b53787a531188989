package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.service.RegistryState;
import io.qps.embedded.BrokerState;
import io.qps.embedded.Ports;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qps up} → {@code status} → {@code down} → {@code status} through the real command objects: a real broker
 * and the real embedded schema registry as background JVMs, on free ports in a temporary folder.
 */
class QpsLifecycleIT {
    private static final Schema TICK = SchemaBuilder.record("Tick").namespace("io.qps.it").fields()
            .requiredLong("seq").requiredLong("priceTicks").endRecord();

    @TempDir
    Path dir;

    @AfterEach
    void stopEverything() {
        CliRun.run("down", "--data-dir", dir.toString());
    }

    @Test
    void upStatusRegisterDownStatus() {
        CliRun up = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--controller-port", "0",
                "--registry-port", "0");
        assertThat(up.err()).isEmpty();
        assertThat(up.exit()).isZero();
        BrokerState broker = BrokerState.read(dir.resolve("kafka")).orElseThrow();
        Path registryDir = dir.resolve("registry");
        RegistryState registry = RegistryState.read(registryDir).orElseThrow();
        String bootstrap = "127.0.0.1:" + broker.port();
        String registryUrl = "http://127.0.0.1:" + registry.port();
        Path kafkaDir = dir.resolve("kafka");
        List<String> kafkaLine = List.of("kafka", "up", bootstrap, "pid " + broker.pid() + ", controller 127.0.0.1:"
                + broker.controllerPort() + ", data " + kafkaDir + ", log " + kafkaDir.resolve("logs/server.log"));
        List<String> registryLine = List.of("schema-registry", "up", registryUrl, "pid " + registry.pid()
                + ", kafka " + bootstrap + ", log " + registryDir.resolve("registry.log"));
        assertThat(registry.bootstrapServers()).isEqualTo(bootstrap);
        assertThat(up.table()).containsExactly(kafkaLine, registryLine);

        CliRun again = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--controller-port", "0",
                "--registry-port", "0");
        assertThat(again.exit()).isZero();
        assertThat(again.table()).containsExactly(kafkaLine, registryLine);

        CliRun status = CliRun.run("status", "--data-dir", dir.toString(), "--bootstrap", bootstrap,
                "--registry-url", registryUrl);
        assertThat(status.exit()).isZero();
        assertThat(status.table()).containsExactly(kafkaLine, registryLine,
                List.of("cluster", "up", bootstrap, "cluster id " + broker.clusterId() + ", 1 broker(s)"),
                List.of("registry", "up", registryUrl, "answers GET /subjects"));

        SchemaRegistryClient client = new SchemaRegistryClient(registryUrl);
        assertThat(client.register("ticks-value", TICK)).isEqualTo(1);
        assertThat(new SchemaRegistryClient(registryUrl).register("ticks-value", TICK)).isEqualTo(1);
        assertThat(new SchemaRegistryClient(registryUrl).getById(1)).isEqualTo(TICK);
        assertThat(client.subjects()).containsExactly("ticks-value");

        CliRun down = CliRun.run("down", "--data-dir", dir.toString());
        assertThat(down.exit()).isZero();
        assertThat(down.out()).isEqualTo("schema-registry stopped\nkafka stopped\n");
        assertThat(ProcessHandle.of(registry.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Ports.isFree(registry.port())).isTrue();
        assertThat(Ports.isFree(broker.port())).isTrue();
        assertThat(Ports.isFree(broker.controllerPort())).isTrue();

        CliRun after = CliRun.run("status", "--data-dir", dir.toString(), "--bootstrap", bootstrap,
                "--registry-url", registryUrl);
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.table()).containsExactly(
                List.of("kafka", "down", "127.0.0.1:9092", "not started from " + kafkaDir),
                List.of("schema-registry", "down", "http://127.0.0.1:8081", "not started from " + registryDir),
                List.of("cluster", "down", bootstrap, "cannot connect (nothing listening?)"),
                List.of("registry", "down", registryUrl, "cannot connect (nothing listening?)"));

        CliRun restart = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "" + broker.port(),
                "--controller-port", "" + broker.controllerPort(), "--registry-port", "" + registry.port());
        assertThat(restart.exit()).isZero();
        assertThat(new SchemaRegistryClient(registryUrl).getById(1)).isEqualTo(TICK);
        assertThat(new SchemaRegistryClient(registryUrl).register("ticks-value", TICK)).isEqualTo(1);
    }

    @Test
    void aRegistryThatCannotStartStopsTheBrokerThisUpStartedAndSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRun up = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--controller-port",
                    "0", "--registry-port", Integer.toString(port));
            assertThat(up.exit()).isEqualTo(1);
            assertThat(up.out()).isEmpty();
            assertThat(up.err()).isEqualTo("qps up: error: port " + port + " (schema registry) on 127.0.0.1 is"
                    + " already in use by another process; stop it or choose another port\n");
        }
        assertThat(BrokerState.read(dir.resolve("kafka"))).isEmpty();
        assertThat(RegistryState.read(dir.resolve("registry"))).isEmpty();
    }
}
