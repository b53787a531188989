package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.SessionManifests;
import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.stream.topology.MergeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that cannot complete ends with a clear message and a FAILED catalog entry, never a hang: a stream thread
 * that dies on a bad record, a session nobody publishes (the stall report), and a broker that goes away mid-run
 * (last, on this class's own broker).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunFailuresIT {
    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registryServer;
    private static SchemaRegistryClient registry;
    private static RunnerSettings settings;
    private static SessionManifest template;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir.resolve("kafka")));
        String bootstrap = kafka.start().bootstrapServers();
        registryServer = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(5));
        settings = new RunnerSettings(Map.of("bootstrap.servers", bootstrap),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryServer.url()), dir.resolve("data"),
                TopicSettings.DEFAULTS, Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(2),
                io.qps.stream.topology.BadRecordPolicy.QUARANTINE, Duration.ofSeconds(6));
        Path dataset = dir.resolve("1-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(1, 1).withDensity(0.01), dataset);
        try (DatasetReader r = DatasetReader.open(dataset)) {
            template = SessionManifests.of(SessionId.of("x"), r.header(), r.trailer(), 1, "test", 1L,
                    EngineConfig.defaults());
        }
    }

    @AfterAll
    static void stop() {
        if (registryServer != null) {
            registryServer.close();
        }
        kafka.stop();
    }

    /** A session of 1,000 events on one partition whose ticks topic holds only {@code garbage} (if not null). */
    private static SessionEntry session(SessionId id, byte[] garbage) {
        SessionEntry entry = new SessionEntry(SessionManifest.newBuilder(template).setSessionId(id.value())
                .setEvents(1_000).build(), true);
        SessionCatalog sessions = new SessionCatalog(settings.kafka(), registry, settings.timeout());
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
            sessions.ensureTopic(admin.admin(), TopicSettings.DEFAULTS);
            admin.createTicks(TopicNames.ticks(id), 1, TopicSettings.DEFAULTS);
        }
        sessions.record(entry);
        if (garbage != null) {
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                    settings.bootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(TopicNames.ticks(id), "BTC-USD".getBytes(), garbage));
                p.flush();
            }
        }
        return entry;
    }

    private static RunRequest live(SessionId id) {
        return new RunRequest(id, RunCatalog.LIVE, RunMode.LIVE, 1, MergeMode.GATED);
    }

    @Test
    @Order(0)
    void attachingToASessionThatNeverAppearsGivesUpWithAMessage() {
        List<String> log = new java.util.ArrayList<>();
        assertThatThrownBy(() -> new LiveRunner(settings, registry, log::add).attach(SessionId.of("it-never"), 1,
                MergeMode.GATED, Duration.ofSeconds(2)))
                .isInstanceOf(RunException.class)
                .hasMessage("session 'it-never' did not appear in qps.sessions within 2 s (start 'qps publish"
                        + " --session-id it-never ...' in another terminal)");
        assertThat(log).containsExactly("waiting up to 2 s for session 'it-never' to be published ('qps publish"
                + " --session-id it-never ...')");
    }

    @Test
    @Order(1)
    void aBadRecordUnderTheFailPolicyFailsTheRunNamingItsCoordinates() {
        SessionId id = SessionId.of("it-fail-thread");
        SessionEntry entry = session(id, new byte[] {7, 7, 7});
        assertThatThrownBy(() -> new SessionRunner(settings.withBadRecords(
                io.qps.stream.topology.BadRecordPolicy.FAIL), registry, line -> { }).run(live(id), entry, () -> { },
                () -> null, List.of()))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("run live of it-fail-thread failed: a stream thread died: ")
                .hasMessageContaining("bad record in qps.it-fail-thread.ticks partition 0 at offset 0: not a"
                        + " MarketEvent");
        RunManifest m = new RunCatalog(settings.kafka(), registry, settings.timeout()).find(id, "live").orElseThrow();
        assertThat(m.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(m.getError()).startsWith("run live of it-fail-thread failed: a stream thread died: ");
    }

    @Test
    @Order(2)
    void aSessionNobodyPublishesStallsWithAReportOfTheStuckStage() {
        SessionId id = SessionId.of("it-fail-stall");
        SessionEntry entry = session(id, null);
        assertThatThrownBy(() -> new SessionRunner(settings, registry, line -> { }).run(live(id), entry, () -> { },
                () -> null, List.of()))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("run live of it-fail-stall made no progress for 8 s (released seq 0 of"
                        + " 1000, no input offset committed since): application state RUNNING; thread StreamThread-1 RUNNING (")
                .hasMessageContaining("committed lag per input topic");
        assertThat(new RunCatalog(settings.kafka(), registry, settings.timeout()).find(id, "live").orElseThrow()
                .getStatus()).isEqualTo(RunStatus.FAILED);

        List<String> log = new java.util.ArrayList<>();
        assertThatThrownBy(() -> new LiveRunner(settings, registry, log::add).attach(id, 1, MergeMode.GATED,
                Duration.ofSeconds(5)))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("run live of it-fail-stall made no progress for 8 s (released seq 0 of"
                        + " 1000, no input offset committed since): application state RUNNING;");
        assertThat(log.get(0)).isEqualTo("resuming the live run of it-fail-stall (status FAILED): the application"
                + " carries on from its committed offsets and state");
    }

    @Test
    @Order(3)
    void aBrokerThatStaysAwayPastTheWindowFailsTheRunInOneLine() {
        SessionId id = SessionId.of("it-fail-broker");
        SessionEntry entry = session(id, null);
        Runnable stopBroker = () -> {
            Thread t = new Thread(() -> {
                sleep(2_000);
                kafka.stop();
            }, "stop-broker");
            t.setDaemon(true);
            t.start();
        };
        assertThatThrownBy(() -> new SessionRunner(settings, registry, line -> { }).run(live(id), entry, stopBroker,
                () -> null, List.of()))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("run live of it-fail-broker: Kafka at " + settings.bootstrap() + " has not"
                        + " answered for 6 s (the window; --broker-window sets it)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
