package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code docker-compose.yml} and {@code Dockerfile} against the real {@code qps} command tree: no
 * Docker engine is needed (or present); {@code docker-compose config} checks the file's own syntax separately
 * ({@code .ci/run}), and {@link ComposeRunIT} runs its flow.
 */
class ComposeFileTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private static JsonNode compose() throws IOException {
        return ComposeChecks.parse(Files.readString(REPO.resolve("docker-compose.yml")));
    }

    @Test
    void everyQpsServiceParsesWithTheCliAndReachesTheComposeCluster() throws IOException {
        JsonNode compose = compose();
        assertThat(ComposeChecks.qpsServices(compose)).containsExactly("qps-verify", "qps");
        assertThat(ComposeChecks.problems(compose, REPO)).isEmpty();
    }

    @Test
    void oneServiceRunsGenerateLiveReplayAndVerifyInOrderOnTheSameDataset() throws IOException {
        JsonNode services = compose().path("services");
        ComposeSteps.Parsed flow = ComposeSteps.of("qps-verify", services.path("qps-verify"));
        assertThat(flow.problems()).isEmpty();
        assertThat(flow.steps()).containsExactly(
                new ComposeSteps.Step(Map.of(), List.of("generate", "--days", "3", "--seed", "42")),
                new ComposeSteps.Step(Map.of(), List.of("live", "--session-id", "demo1", "--dataset", "data/42-3d.qpsd",
                        "--partitions", "6")),
                new ComposeSteps.Step(Map.of(), List.of("replay", "--session-id", "demo1")),
                new ComposeSteps.Step(Map.of("JAVA_TOOL_OPTIONS", "-Xmx384m"), List.of("verify", "--session-id",
                        "demo1", "--dataset", "data/42-3d.qpsd", "--out", "results")));
        assertThat(ComposeChecks.words(services.path("qps-verify").path("entrypoint")))
                .containsExactly("/bin/sh", "-exc");
        assertThat(ComposeChecks.environment(services.path("qps-verify"))).containsExactly(
                entry("QPS_BOOTSTRAP", "kafka:9092"), entry("QPS_REGISTRY_URL", "http://schema-registry:8081"));
        assertThat(condition(services, "qps-verify", "kafka")).isEqualTo("service_healthy");
        assertThat(condition(services, "qps-verify", "schema-registry")).isEqualTo("service_healthy");
        assertThat(services.path("qps").path("profiles").get(0).asText()).isEqualTo("tools");
    }

    @Test
    void theFlowIsTheOnlyServiceOfTheDefaultProfileThatEnds() throws IOException {
        // 'up --exit-code-from qps-verify' stops everything at the first exit of any service it watches
        JsonNode services = compose().path("services");
        List<String> defaults = new ArrayList<>();
        services.properties().forEach(e -> {
            if (!e.getValue().has("profiles")) {
                defaults.add(e.getKey());
            }
        });
        assertThat(defaults).containsExactly("kafka", "schema-registry", "qps-verify");
        assertThat(ComposeSteps.startOrder(services)).containsExactly("kafka", "schema-registry", "qps-verify",
                "qps");
    }

    @Test
    void resultsLandOnTheHostTheBrokerKeepsItsDataAndNoPortClashesWithQpsUp() throws IOException {
        JsonNode compose = compose();
        JsonNode services = compose.path("services");
        assertThat(services.path("qps-verify").path("volumes").toString()).contains("\"./results:/work/results\"");
        assertThat(ComposeChecks.environment(services.path("kafka"))).containsEntry("KAFKA_LOG_DIRS",
                "/var/lib/kafka/data");
        assertThat(services.path("kafka").path("volumes").toString()).contains("\"kafka-data:/var/lib/kafka/data\"");
        assertThat(compose.path("volumes").has("kafka-data")).isTrue();
        List<String> published = new ArrayList<>();
        services.forEach(service -> service.path("ports").forEach(port -> {
            String[] parts = port.asText().split(":");
            published.add(parts[parts.length - 2]);
        }));
        assertThat(published).containsExactly("19092", "18081").doesNotContain("9092", "9093", "8081");
        assertThat(services.path("qps").has("build")).isFalse();
        assertThat(services.path("qps").path("image").asText()).isEqualTo("qps:local");
        assertThat(services.path("qps-verify").path("image").asText()).isEqualTo("qps:local");
    }

    private static String condition(JsonNode services, String service, String dependency) {
        return services.path(service).path("depends_on").path(dependency).path("condition").asText();
    }

    @Test
    void theRuntimeStagePutsTheJarWhereTheEntrypointRunsIt() throws IOException {
        ComposeChecks.Runtime runtime = ComposeChecks.runtimeStage(Files.readString(REPO.resolve("Dockerfile")));
        assertThat(runtime.problems()).isEmpty();
        assertThat(runtime.jar()).isEqualTo("/app/qps.jar");
        assertThat(runtime.workdir()).isEqualTo("/work");
    }

    @Test
    void aWrongFlagAnUnreadVariableAndAMissingDependencyAreReported() {
        JsonNode broken = ComposeChecks.parse("""
                services:
                  kafka:
                    image: apache/kafka:4.3.1
                    environment:
                      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092,PLAINTEXT_HOST://localhost:19092
                  schema-registry:
                    image: confluentinc/cp-schema-registry:7.9.0
                    environment:
                      SCHEMA_REGISTRY_LISTENERS: http://0.0.0.0:8081
                  qps-publish:
                    build: .
                    command: ["publish", "--session", "demo1", "--dataset", "data/42-3d.qpsd", "--partition", "6"]
                    environment:
                      QPS_BOOTSTRAP: kafka:9092
                      QPS_REGISTRY_URL: http://schema-registry:8081
                    volumes: ["data:/work/data"]
                  qps-check:
                    build: .
                    command: consume --session demo1 --check data/42-3d.qpsd
                    environment:
                      - QPS_BOOTSTRAP=localhost:19092
                      - QPS_REGISTRY=http://schema-registry:8081
                    volumes: ["data:/work/data"]
                    depends_on: [qps-publsh]
                """);
        assertThat(ComposeChecks.problems(broken, REPO)).containsExactly(
                "qps-check: depends_on names no service 'qps-publsh'",
                "qps-publish: command [publish, --session, demo1, --dataset, data/42-3d.qpsd, --partition, 6] is rejected"
                        + " by qps: Unknown options: '--partition', '6'",
                "qps-check: sets QPS_REGISTRY, which qps does not read",
                "qps-check: QPS_BOOTSTRAP localhost:19092 is not a listener a kafka service advertises",
                "qps-check: no QPS_REGISTRY_URL");
    }

    @Test
    void aScriptStepThatIsNotPlainQpsAWrongFlagInAStepAndAnImageOnlyServiceAreChecked() {
        JsonNode broken = ComposeChecks.parse("""
                services:
                  kafka:
                    image: apache/kafka:4.3.1
                    environment:
                      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
                  schema-registry:
                    image: confluentinc/cp-schema-registry:7.9.0
                    environment:
                      SCHEMA_REGISTRY_LISTENERS: http://0.0.0.0:8081
                  qps-flow:
                    build: .
                    image: qps:local
                    entrypoint: ["/bin/sh", "-exc"]
                    command:
                      - |
                        qps generate --days 3 --seed 42
                        qps live --session-id demo1 --dataset data/42-3d.qpsd | tee live.log
                        QPS_HEAP=1g qps verify --session-id demo1 --dataset data/42-3d.qpsd --output results
                    environment:
                      QPS_BOOTSTRAP: kafka:9092
                      QPS_REGISTRY_URL: http://schema-registry:8081
                    volumes: ["data:/work/data"]
                  qps-tool:
                    image: qps:local
                    entrypoint: ["/bin/bash", "-c"]
                    command: ["qps --help"]
                    environment:
                      QPS_BOOTSTRAP: kafka:9092
                      QPS_REGISTRY_URL: http://schema-registry:8081
                    volumes: ["data:/work/data"]
                """);
        assertThat(ComposeChecks.problems(broken, REPO)).containsExactly(
                "qps-flow: script line 2 is not a plain '[NAME=VALUE ...] qps ARGS' step: qps live --session-id demo1"
                        + " --dataset data/42-3d.qpsd | tee live.log",
                "qps-flow: command [verify, --session-id, demo1, --dataset, data/42-3d.qpsd, --output, results] is"
                        + " rejected by qps: Unknown options: '--output', 'results'",
                "qps-flow: sets QPS_HEAP, which qps does not read",
                "qps-tool: entrypoint [/bin/bash, -c] is neither the image's nor [/bin/sh, -ec] with one script");
    }

    @Test
    void aRuntimeStageWithoutTheJarOrAsRootIsReported() {
        ComposeChecks.Runtime runtime = ComposeChecks.runtimeStage("""
                FROM eclipse-temurin:17-jdk AS build
                RUN ./mvnw -B -ntp -DskipTests package
                FROM eclipse-temurin:17-jre
                COPY --from=build /src/cli/target/qps.jar /opt/qps.jar
                WORKDIR /work
                ENTRYPOINT ["java", "-jar", "/app/qps.jar"]
                """);
        assertThat(runtime.problems()).containsExactly("Dockerfile: the runtime stage runs as root",
                "Dockerfile: the runtime stage does not copy cli/target/qps.jar to the entrypoint's jar /app/qps.jar");
        assertThat(List.of(runtime.workdir(), runtime.jar())).containsExactly("/work", "/app/qps.jar");
    }
}
