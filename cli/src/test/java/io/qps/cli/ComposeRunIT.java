package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.embedded.BackgroundJvm;
import io.qps.embedded.KafkaFixture;
import io.qps.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker compose up} without Docker: the qps services of the repository's {@code docker-compose.yml} that
 * {@code up} starts run in {@code depends_on} order, each step its own JVM on the built jar ({@code target/qps.jar},
 * what the Dockerfile's runtime stage runs), with the service's environment and the image's, and its working
 * directory and volumes laid out as in the container. The embedded broker and registry stand in for the services
 * {@code kafka} and {@code schema-registry}: their compose addresses ({@code kafka:9092},
 * {@code schema-registry:8081}) are replaced by the embedded ones. It passes when the last step, {@code verify}, ends
 * with exit code 0 and {@code pnl_match: PASS}, and results.json says so in the folder that is {@code ./results} on
 * the host.
 */
class ComposeRunIT {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = Path.of("target", "qps.jar").toAbsolutePath();
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);
    /** The compose services the embedded broker and registry stand in for. */
    private static final List<String> STAND_INS = List.of("kafka", "schema-registry");

    @TempDir
    Path dir;

    @Test
    void upRunsTheFlowToTheVerifiersPass() throws Exception {
        assertThat(JAR).as("the jar the image runs; 'mvn verify' packages it before the integration tests")
                .isRegularFile();
        JsonNode compose = ComposeChecks.parse(Files.readString(REPO.resolve("docker-compose.yml")));
        JsonNode services = compose.path("services");
        String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
        ComposeChecks.Runtime image = ComposeChecks.runtimeStage(dockerfile);

        List<String> started = ComposeSteps.startOrder(services).stream()
                .filter(name -> !services.path(name).has("profiles")).toList();
        List<String> qps = ComposeChecks.qpsServices(compose);
        assertThat(started.stream().filter(name -> !qps.contains(name)).toList()).isEqualTo(STAND_INS);

        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(KafkaFixture.shared().bootstrapServers(),
                "127.0.0.1", 0)) {
            Map<String, String> addresses = Map.of(
                    advertised(services.path("kafka")), KafkaFixture.shared().bootstrapServers(),
                    "schema-registry:" + URI.create(ComposeChecks.environment(services.path("schema-registry"))
                            .get("SCHEMA_REGISTRY_LISTENERS")).getPort(), URI.create(registry.url()).getAuthority());
            long begin = System.nanoTime();
            List<Ran> ran = new ArrayList<>();
            for (String name : started.stream().filter(qps::contains).toList()) {
                ran.addAll(runService(name, services.path(name), image, dockerfile, addresses));
            }
            System.out.printf("ComposeRunIT: %d steps in %.1f s%n", ran.size(), (System.nanoTime() - begin) / 1e9);

            Ran last = ran.get(ran.size() - 1);
            assertThat(last.args().get(0)).isEqualTo("verify");
            assertThat(last.output()).contains("pnl_match: PASS");
            JsonNode results = new ObjectMapper().readTree(host("results").resolve("results.json").toFile());
            assertThat(results.path("session").asText()).isEqualTo("demo1");
            assertThat(results.path("pnl_match").asText()).isEqualTo("PASS");
        }
    }

    /** One step that ran, exit code 0. */
    private record Ran(List<String> args, String output) {
    }

    private List<Ran> runService(String name, JsonNode service, ComposeChecks.Runtime image, String dockerfile,
                                 Map<String, String> addresses) throws IOException, InterruptedException {
        for (JsonNode volume : service.path("volumes")) {
            String[] spec = volume.asText().split(":");
            Path source = spec[0].startsWith(".") || spec[0].startsWith("/") ? host(spec[0])
                    : dir.resolve("volumes").resolve(spec[0]);
            Path target = container(spec[1]);
            Files.createDirectories(source);
            Files.createDirectories(target.getParent());
            if (!Files.isSymbolicLink(target)) {
                Files.createSymbolicLink(target, source);
            }
        }
        Path workdir = Files.createDirectories(container(image.workdir()));
        Map<String, String> env = new LinkedHashMap<>();
        imageEnvironment(dockerfile).forEach((key, value) -> env.put(key,
                value.startsWith("/") ? container(value).toString() : value));
        ComposeChecks.environment(service).forEach((key, value) -> env.put(key, address(value, addresses)));

        ComposeSteps.Parsed parsed = ComposeSteps.of(name, service);
        assertThat(parsed.problems()).isEmpty();
        List<Ran> ran = new ArrayList<>();
        for (ComposeSteps.Step step : parsed.steps()) {
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            stepEnv.putAll(step.env());
            Path log = dir.resolve("logs").resolve(name + "-" + (ran.size() + 1) + "-" + step.args().get(0) + ".log");
            long begin = System.nanoTime();
            int exit = run(step.args(), stepEnv, workdir, log);
            System.out.printf("ComposeRunIT: %s: qps %s: exit %d in %.1f s%n", name, String.join(" ", step.args()),
                    exit, (System.nanoTime() - begin) / 1e9);
            assertThat(exit).as("%s: qps %s; its output ends with:%n%s", name, step.args(),
                    BackgroundJvm.logTail(log, 30)).isZero();
            ran.add(new Ran(step.args(), Files.readString(log)));
        }
        return ran;
    }

    private static int run(List<String> args, Map<String, String> env, Path workdir, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BackgroundJvm.javaExecutable(), "-jar", JAR.toString()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("QPS_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("qps " + args + " did not end within " + STEP_TIMEOUT + "; see " + log);
        }
        return process.exitValue();
    }

    /** @return the value with every compose address (service:port) replaced by the embedded one */
    private static String address(String value, Map<String, String> addresses) {
        String mapped = value;
        for (Map.Entry<String, String> e : addresses.entrySet()) {
            mapped = mapped.replace(e.getKey(), e.getValue());
        }
        return mapped;
    }

    /** @return the listener the kafka service advertises under its own name, e.g. {@code kafka:9092} */
    private static String advertised(JsonNode kafka) {
        for (String listener : ComposeChecks.environment(kafka).get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            String address = listener.substring(listener.indexOf("://") + 3);
            if (address.startsWith("kafka:")) {
                return address;
            }
        }
        throw new AssertionError("the kafka service advertises no listener kafka:PORT");
    }

    /** @return the runtime stage's {@code ENV KEY=VALUE} settings */
    private static Map<String, String> imageEnvironment(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : dockerfile.split("\n")) {
            String instruction = line.strip();
            if (instruction.regionMatches(true, 0, "FROM ", 0, 5)) {
                env.clear();
            } else if (instruction.regionMatches(true, 0, "ENV ", 0, 4)) {
                for (String pair : instruction.substring(4).strip().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
        }
        return env;
    }

    /** @return where a path of the host's project folder (relative to docker-compose.yml) lies in this test */
    private Path host(String relative) {
        return dir.resolve("project").resolve(relative).normalize();
    }

    /** @return where an absolute path of the container lies in this test */
    private Path container(String absolute) {
        return dir.resolve("container").resolve(absolute.substring(1));
    }
}
