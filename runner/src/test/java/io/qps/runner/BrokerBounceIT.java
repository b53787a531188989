package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.Ports;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.Speed;
import io.qps.producer.session.SessionId;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.MergeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is killed (SIGKILL) while a paced live run publishes and consumes, and started again on the same data
 * and ports 15 s later: the run completes with no manual step, and its outputs equal the reference engine's. Then
 * the schema registry stops during a run: the run goes on with the schemas it already has; a new run without a
 * registry fails in one line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerBounceIT {
    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registryServer;
    private static SchemaRegistryClient registry;
    private static RunnerSettings settings;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir.resolve("kafka"))
                .withPorts(Ports.freePort(), Ports.freePort()));
        String bootstrap = kafka.start().bootstrapServers();
        registryServer = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(10));
        settings = RunnerSettings.singleNode(Map.of("bootstrap.servers", bootstrap), registryServer.url(),
                dir.resolve("data")).withStallTimeout(Duration.ofSeconds(20)).withBrokerWindow(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        try {
            registryServer.close();
        } catch (RuntimeException alreadyClosed) {
            // the last test stops it
        }
        kafka.stop();
    }

    @Test
    @Order(1)
    void aLiveRunRidesOutABrokerKilledAndRestarted() throws Exception {
        Path dataset = dir.resolve("5-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(5, 1).withDensity(0.05), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
        SessionId id = SessionId.of("it-bounce");
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread bounce = new Thread(() -> {
            try {
                Thread.sleep(12_000);
                long pid = kafka.state().orElseThrow().pid();
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                log.add("test: broker pid " + pid + " killed");
                Thread.sleep(15_000);
                kafka.start();
                log.add("test: broker started again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bounce");
        bounce.setDaemon(true);
        bounce.start();
        // one simulated day at 2,400 x: about 36 s of publishing after the application starts, so the kill lands
        // mid-run
        LiveRunner.Published p = new LiveRunner(settings, registry, log::add).publishAndRun(
                PublishRequest.of(id, dataset, 3, new Speed(2_400), false, EngineConfig.defaults()), 1, MergeMode.GATED,
                Progress.NONE);
        bounce.join();
        assertThat(p.run().manifest().getStatus()).as(String.join("\n", log)).isEqualTo(RunStatus.COMPLETE);
        assertThat(log).anyMatch(l -> l.contains("broker pid") && l.contains("killed"));
        CanonicalForm live = new RunOutputReader(settings.kafka(), settings.timeout())
                .canonical(OutputTopicsAdmin.topics(id, "live"), registry);
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(live.lines(t)).as(t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
        }
    }

    @Test
    @Order(2)
    void aRegistryStoppedMidRunCostsNothingAndANewRunWithoutItFailsInOneLine() throws Exception {
        Path dataset = dir.resolve("6-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(6, 1).withDensity(0.05), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
        SessionId id = SessionId.of("it-noregistry");
        Thread stop = new Thread(() -> {
            try {
                Thread.sleep(12_000);
                registryServer.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-registry");
        stop.setDaemon(true);
        stop.start();
        LiveRunner.Published p = new LiveRunner(settings, registry, line -> { }).publishAndRun(
                PublishRequest.of(id, dataset, 3, new Speed(2_400), false, EngineConfig.defaults()), 1,
                MergeMode.GATED, Progress.NONE);
        stop.join();
        assertThat(p.run().manifest().getStatus()).isEqualTo(RunStatus.COMPLETE);
        CanonicalForm live = new RunOutputReader(settings.kafka(), settings.timeout())
                .canonical(OutputTopicsAdmin.topics(id, "live"), registry);
        assertThat(live.digest()).isEqualTo(reference.canonical().digest());

        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReplayRunner(settings, new SchemaRegistryClient(
                settings.registryUrl(), null, Duration.ofSeconds(3)), line -> { }).replay(id, 1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .containsAnyOf("registry", settings.registryUrl().replace("http://", "")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
