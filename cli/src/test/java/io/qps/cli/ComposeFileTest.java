package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code docker-compose.yml} and {@code Dockerfile} against the real {@code qps} command tree: no
 * Docker engine is needed (or present); {@code docker-compose config} checks the file's own syntax separately.
 */
class ComposeFileTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    private static JsonNode compose() throws IOException {
        return ComposeChecks.parse(Files.readString(REPO.resolve("docker-compose.yml")));
    }

    @Test
    void everyQpsServiceParsesWithTheCliAndReachesTheComposeCluster() throws IOException {
        JsonNode compose = compose();
        assertThat(ComposeChecks.builtServices(compose)).containsExactly("qps-generate", "qps-live", "qps-replay",
                "qps-verify", "qps");
        assertThat(ComposeChecks.problems(compose, REPO)).isEmpty();
    }

    @Test
    void theDemoServicesRunGenerateLiveReplayAndVerifyInOrderOnTheSameDataset() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(ComposeChecks.command(services.path("qps-generate")))
                .containsExactly("generate", "--days", "3", "--seed", "42");
        assertThat(ComposeChecks.command(services.path("qps-live"))).containsExactly("live", "--session-id", "demo1",
                "--dataset", "data/42-3d.qpsd", "--partitions", "6");
        assertThat(ComposeChecks.command(services.path("qps-replay")))
                .containsExactly("replay", "--session-id", "demo1");
        assertThat(ComposeChecks.command(services.path("qps-verify"))).containsExactly("verify", "--session-id",
                "demo1", "--dataset", "data/42-3d.qpsd", "--out", "results");
        assertThat(ComposeChecks.environment(services.path("qps-live"))).containsExactly(
                entry("QPS_BOOTSTRAP", "kafka:9092"), entry("QPS_REGISTRY_URL", "http://schema-registry:8081"));
        assertThat(condition(services, "qps-live", "qps-generate")).isEqualTo("service_completed_successfully");
        assertThat(condition(services, "qps-live", "kafka")).isEqualTo("service_healthy");
        assertThat(condition(services, "qps-live", "schema-registry")).isEqualTo("service_healthy");
        assertThat(condition(services, "qps-replay", "qps-live")).isEqualTo("service_completed_successfully");
        assertThat(condition(services, "qps-verify", "qps-replay")).isEqualTo("service_completed_successfully");
        assertThat(services.path("qps-verify").path("volumes").toString()).contains("results:/work/results");
        assertThat(services.path("qps").path("profiles").get(0).asText()).isEqualTo("tools");
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
