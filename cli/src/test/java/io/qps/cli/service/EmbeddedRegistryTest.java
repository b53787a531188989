package io.qps.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.qps.cli.CliException;
import io.qps.embedded.BackgroundJvm;
import io.qps.embedded.EmbeddedKafkaException;
import io.qps.embedded.Ports;
import io.qps.embedded.ServiceStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry service's command line, state and status logic, without a broker. */
class EmbeddedRegistryTest {
    @TempDir
    Path dir;

    private Process marked;

    @AfterEach
    void stopMarkedProcess() {
        if (marked != null) {
            marked.destroyForcibly();
        }
    }

    private EmbeddedRegistry registry(int port, String classpath) {
        return new EmbeddedRegistry(new EmbeddedRegistry.Settings(dir, port, "128m", classpath,
                Duration.ofSeconds(30)), () -> "127.0.0.1:19092");
    }

    @Test
    void commandRunsTheRegistryMainWithMarkerHeapAndLoopback() {
        assertThat(registry(8081, "qps.jar").command("127.0.0.1:9092", 8081)).containsExactly(
                BackgroundJvm.javaExecutable(), "-Dqps.service=schema-registry", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-cp", "qps.jar",
                "io.qps.registry.EmbeddedSchemaRegistry", "--bootstrap", "127.0.0.1:9092", "--host", "127.0.0.1",
                "--port", "8081");
    }

    @Test
    void settingsRejectBadValues() {
        assertThatThrownBy(() -> new EmbeddedRegistry.Settings(dir, 70_000, "128m", "x", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("registry port must be 0..65535: 70000");
        assertThatThrownBy(() -> new EmbeddedRegistry.Settings(dir, 0, "lots", "x", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry heap must look like 128m or 1g: lots");
    }

    @Test
    void notStartedIsDownAtTheConfiguredPort() {
        EmbeddedRegistry registry = registry(8081, "x");
        assertThat(registry.status()).isEqualTo(new ServiceStatus("schema-registry", false,
                "http://127.0.0.1:8081", "not started from " + dir));
        assertThat(registry.stop()).isFalse();
    }

    @Test
    void aStateFileOfAnEndedOrForeignProcessIsStaleAndCleanedByStop() throws Exception {
        Process ended = new ProcessBuilder(BackgroundJvm.javaExecutable(), "-version").start();
        ended.waitFor();
        for (long pid : new long[] {ended.pid(), ProcessHandle.current().pid()}) {
            new RegistryState(pid, 18081, "127.0.0.1:19092").write(dir);
            EmbeddedRegistry registry = registry(8081, "x");
            assertThat(registry.status()).isEqualTo(new ServiceStatus("schema-registry", false,
                    "http://127.0.0.1:18081", "process " + pid + " has ended (stale state file); see "
                    + dir.resolve("registry.log")));
            assertThat(registry.stop()).isFalse();
            assertThat(registry.state()).isEmpty();
        }
    }

    @Test
    void upOnlyWhileTheMarkedProcessLivesAndAnswersGetSubjects() throws Exception {
        marked = startMarkedProcess();
        int silentPort = Ports.freePort();
        new RegistryState(marked.pid(), silentPort, "127.0.0.1:19092").write(dir);
        EmbeddedRegistry registry = registry(8081, "x");
        assertThat(registry.status()).isEqualTo(new ServiceStatus("schema-registry", false,
                "http://127.0.0.1:" + silentPort, "process " + marked.pid()
                + " runs but cannot connect (nothing listening?); see " + dir.resolve("registry.log")));

        HttpServer http = subjectsEndpoint();
        try {
            int port = http.getAddress().getPort();
            new RegistryState(marked.pid(), port, "127.0.0.1:19092").write(dir);
            ServiceStatus up = new ServiceStatus("schema-registry", true, "http://127.0.0.1:" + port,
                    "pid " + marked.pid() + ", kafka 127.0.0.1:19092, log " + dir.resolve("registry.log"));
            assertThat(registry.status()).isEqualTo(up);
            assertThat(registry.start()).isEqualTo(up);
        } finally {
            http.stop(0);
        }

        assertThat(registry.stop()).isTrue();
        assertThat(marked.isAlive()).isFalse();
        assertThat(registry.state()).isEmpty();
    }

    @Test
    void aTakenPortFailsBeforeAnythingIsStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> registry(port, "x").start()).isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessage("port " + port + " (schema registry) on 127.0.0.1 is already in use by another"
                            + " process; stop it or choose another port");
            assertThat(registry(port, "x").state()).isEmpty();
        }
    }

    @Test
    void aRegistryThatDiesAtStartIsReportedWithCauseAndLogTail() throws Exception {
        Path emptyClasspath = Files.createDirectories(dir.resolve("empty"));
        Path log = dir.resolve("registry.log");
        EmbeddedRegistry registry = registry(0, emptyClasspath.toString());
        assertThatThrownBy(registry::start).isInstanceOf(CliException.class)
                .hasMessageStartingWith("the schema registry exited during start-up (exit 1): Could not find or"
                        + " load main class io.qps.registry.EmbeddedSchemaRegistry; see " + log
                        + "\n--- last lines of " + log + " ---\n")
                .hasMessageContaining("java.lang.ClassNotFoundException: io.qps.registry.EmbeddedSchemaRegistry");
        assertThat(registry.state()).isEmpty();
    }

    @Test
    void aRegistryWhoseBrokerIsUnreachableExitsAndTheCauseIsTheFirstLine() {
        int nothing = Ports.freePort();
        EmbeddedRegistry registry = new EmbeddedRegistry(new EmbeddedRegistry.Settings(dir, 0, "128m",
                System.getProperty("java.class.path"), Duration.ofSeconds(60)), () -> "127.0.0.1:" + nothing);
        Path log = dir.resolve("registry.log");
        assertThatThrownBy(registry::start).isInstanceOf(CliException.class)
                .hasMessageStartingWith("the schema registry exited during start-up (exit 1): Kafka unreachable at"
                        + " 127.0.0.1:" + nothing + ": cannot create or find topic _qps_schemas within 10 s (")
                .hasMessageContaining("; see " + log + "\n--- last lines of " + log + " ---\n");
        assertThat(registry.state()).isEmpty();
        assertThat(registry.status().up()).isFalse();
    }

    private Process startMarkedProcess() throws Exception {
        Path source = dir.resolve("Sleeper.java");
        Files.writeString(source, "class Sleeper { public static void main(String[] a) throws Exception {"
                + " Thread.sleep(120_000); } }");
        return BackgroundJvm.start(List.of(BackgroundJvm.javaExecutable(), "-Dqps.service=schema-registry",
                source.toString()), dir, dir.resolve("sleeper.log"));
    }

    private static HttpServer subjectsEndpoint() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/subjects", exchange -> {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
