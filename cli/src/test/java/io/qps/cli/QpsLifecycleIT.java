package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.qps.embedded.BrokerState;
import io.qps.embedded.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qps up} → {@code status} → {@code down} → {@code status} through the real command objects, with a real
 * broker on free ports in a temporary folder. The registry is not built yet; a loopback HTTP endpoint answering
 * {@code GET /subjects} stands in for it so that {@code status} can report everything up.
 */
class QpsLifecycleIT {
    @TempDir
    Path dir;

    private HttpServer registry;

    @BeforeEach
    void startRegistryStandIn() throws Exception {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        registry.createContext("/subjects", exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        registry.start();
    }

    @AfterEach
    void stopEverything() {
        CliRun.run("down", "--data-dir", dir.toString());
        registry.stop(0);
    }

    @Test
    void upStatusDownStatus() {
        String registryUrl = "http://127.0.0.1:" + registry.getAddress().getPort();
        CliRun up = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--controller-port", "0");
        assertThat(up.err()).isEmpty();
        assertThat(up.exit()).isZero();
        BrokerState state = BrokerState.read(dir.resolve("kafka")).orElseThrow();
        String bootstrap = "127.0.0.1:" + state.port();
        Path kafkaDir = dir.resolve("kafka");
        String detail = "pid " + state.pid() + ", controller 127.0.0.1:" + state.controllerPort() + ", data "
                + kafkaDir + ", log " + kafkaDir.resolve("logs").resolve("server.log");
        assertThat(up.table()).containsExactly(List.of("kafka", "up", bootstrap, detail));

        CliRun again = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "0", "--controller-port", "0");
        assertThat(again.exit()).isZero();
        assertThat(again.table()).containsExactly(List.of("kafka", "up", bootstrap, detail));

        CliRun status = CliRun.run("status", "--data-dir", dir.toString(), "--bootstrap", bootstrap,
                "--registry-url", registryUrl);
        assertThat(status.exit()).isZero();
        assertThat(status.table()).containsExactly(
                List.of("kafka", "up", bootstrap, detail),
                List.of("cluster", "up", bootstrap, "cluster id " + state.clusterId() + ", 1 broker(s)"),
                List.of("registry", "up", registryUrl, "answers GET /subjects"));

        CliRun down = CliRun.run("down", "--data-dir", dir.toString());
        assertThat(down.exit()).isZero();
        assertThat(down.out()).isEqualTo("kafka stopped\n");
        assertThat(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Ports.isFree(state.port())).isTrue();
        assertThat(Ports.isFree(state.controllerPort())).isTrue();

        CliRun after = CliRun.run("status", "--data-dir", dir.toString(), "--bootstrap", bootstrap,
                "--registry-url", registryUrl);
        assertThat(after.exit()).isEqualTo(3);
        assertThat(after.table()).containsExactly(
                List.of("kafka", "down", "127.0.0.1:9092", "not started from " + kafkaDir),
                List.of("cluster", "down", bootstrap, "no answer within 3000 ms"),
                List.of("registry", "up", registryUrl, "answers GET /subjects"));
    }
}
