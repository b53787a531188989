package io.qps.producer.publish;

import io.qps.core.engine.EngineConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetSummary;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.consume.TicksCheck;
import io.qps.producer.consume.TicksReader;
import io.qps.producer.consume.Verdict;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing on a real broker (the shared fixture) with the embedded registry on an ephemeral port. */
class PublisherIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    private static KafkaFixture kafka;
    private static EmbeddedSchemaRegistry registryServer;
    private static SchemaRegistryClient registry;
    private static Map<String, Object> props;
    private static Path dataset;
    private static DatasetSummary summary;

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.shared();
        registryServer = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url());
        props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        dataset = dir.resolve("42-1d.qpsd");
        summary = DatasetFiles.generate(SimConfig.defaults(42, 1).withDensity(0.05), dataset);
    }

    @AfterAll
    static void stop() {
        registryServer.close();
    }

    private static PublishResult publish(String session, int partitions, boolean force) throws InterruptedException {
        return publish(session, partitions, force, ValueEncoding.DIRECT, AssignmentMode.BALANCED, Speed.MAX);
    }

    private static PublishResult publish(String session, int partitions, boolean force, ValueEncoding encoding,
                                         AssignmentMode assignment, Speed speed) throws InterruptedException {
        Publisher publisher = new Publisher(props, registry, PacingClock.system(), Progress.NONE, TIMEOUT);
        return publisher.publish(new PublishRequest(SessionId.of(session), dataset, partitions, TopicSettings.DEFAULTS,
                speed,
                force, QpsVersion.get(), Map.of(), encoding, assignment, MarkerPolicy.DEFAULTS,
                EngineConfig.defaults()));
    }

    /** START, a PROGRESS round after every 4,096th event but the last, END: one marker per partition each. */
    private static long countedMarkers(int partitions) {
        return (2 + (summary.eventCount() - 1) / MarkerPolicy.DEFAULT_EVERY_EVENTS) * partitions;
    }

    private static long[] eventsPerInstrument() {
        return summary.eventsPerInstrument().stream().mapToLong(Long::longValue).toArray();
    }

    private static Verdict check(String session) {
        try (TicksReader reader = new TicksReader(props, registry, TopicNames.ticks(SessionId.of(session)), TIMEOUT)) {
            return TicksCheck.run(reader, dataset, TIMEOUT);
        }
    }

    @Test
    void publishesExactlyTheDatasetOnTheBalancedAssignmentWithMarkersAndRecordsTheManifest() throws Exception {
        long beforeMillis = System.currentTimeMillis();
        PublishResult result = publish("it-six", 6, false);
        long afterMillis = System.currentTimeMillis();

        assertThat(result.topic()).isEqualTo("qps.it-six.ticks");
        assertThat(result.events()).isEqualTo(summary.eventCount()).isGreaterThan(10_000);
        assertThat(result.eventsPerPartition()).hasSize(6);
        assertThat(result.eventsPerPartition().stream().mapToLong(Long::longValue).sum()).isEqualTo(summary.eventCount());
        assertThat(result.markers()).isEqualTo(countedMarkers(6));
        List<String> symbols = List.of("BTC-USD", "ETH-USD", "XOM", "CVX", "AAPL", "MSFT", "EURUSD", "GBPUSD", "ES", "NQ");

        SessionEntry entry = new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("it-six")).orElseThrow();
        SessionManifest m = entry.manifest();
        assertThat(m.getAssignment()).isEqualTo("balanced");
        assertThat(result.assignment()).isEqualTo("balanced");
        PartitionAssignment balanced = PartitionAssignment.balanced(eventsPerInstrument(), 6,
                List.<int[]>of(new int[] {2, 3}));
        assertThat(entry.assignment()).isEqualTo(balanced);
        long[] expectedPerPartition = balanced.eventsPerPartition(eventsPerInstrument());
        for (int p = 0; p < 6; p++) {
            assertThat(result.eventsPerPartition().get(p)).as("partition " + p + " holds its instruments' events")
                    .isEqualTo(expectedPerPartition[p]);
        }
        assertThat(result.maxPartitionShare()).isEqualTo(balanced.maxShare(eventsPerInstrument())).isLessThan(0.25);

        assertThat(check("it-six")).isEqualTo(new Verdict(true, String.format(java.util.Locale.ROOT,
                "PASS: the topic holds exactly the %,d events of the dataset in 6 partitions: every field equal, each seq"
                        + " once, seq strictly increasing within every partition; and %,d progress markers, START first"
                        + " and END last in every partition, each consistent with the events around it",
                summary.eventCount(), countedMarkers(6))));

        assertThat(entry.complete()).isTrue();
        assertThat(entry.startMicros()).isEqualTo(SimConfig.DEFAULT_START_MICROS);
        assertThat(m.getStartMicros()).isEqualTo(SimConfig.DEFAULT_START_MICROS);
        assertThat(m.getCreatedMillis()).isBetween(beforeMillis, afterMillis);
        assertThat(m.getSessionId()).isEqualTo("it-six");
        assertThat(m.getDatasetSha256()).isEqualTo(summary.sha256());
        assertThat(m.getSeed()).isEqualTo(42L);
        assertThat(m.getDays()).isEqualTo(1);
        assertThat(m.getPartitions()).isEqualTo(6);
        assertThat(m.getEvents()).isEqualTo(summary.eventCount());
        assertThat(m.getInstruments()).extracting(i -> i.getSymbol()).containsExactlyElementsOf(symbols);
        assertThat(m.getCreatedBy()).isEqualTo(QpsVersion.get()).isNotEqualTo("unknown");

        try (TopicAdmin admin = new TopicAdmin(props, TIMEOUT)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "qps.it-six.ticks");
            Config config = admin.admin().describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            ConfigResource sessions = new ConfigResource(ConfigResource.Type.TOPIC, TopicNames.SESSIONS);
            assertThat(admin.admin().describeConfigs(List.of(sessions)).all().get().get(sessions)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        }
    }

    @Test
    void refusesAnExistingSessionAndForceRecreatesItThroughTheSerdeOnTheHashAssignment() throws Exception {
        publish("it-again", 3, false);
        assertThatThrownBy(() -> publish("it-again", 3, false)).isInstanceOf(PublishException.class)
                .hasMessage("session 'it-again' already exists: its topic qps.it-again.ticks already holds "
                        + (summary.eventCount() + countedMarkers(3)) + " records; choose another --session, or add"
                        + " --force to delete and recreate qps.it-again.ticks and replace the manifest");

        PublishResult forced = publish("it-again", 2, true, ValueEncoding.SERDE, AssignmentMode.HASH, Speed.MAX);
        assertThat(forced.eventsPerPartition()).hasSize(2);
        assertThat(forced.markers()).isEqualTo(countedMarkers(2));
        assertThat(check("it-again").pass()).isTrue();
        SessionEntry entry = new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("it-again")).orElseThrow();
        assertThat(entry.manifest().getPartitions()).isEqualTo(2);
        assertThat(entry.manifest().getAssignment()).isEqualTo("hash");
        long[] expectedPerPartition = new long[2];
        for (int i = 0; i < entry.manifest().getInstruments().size(); i++) {
            String symbol = entry.manifest().getInstruments().get(i).getSymbol();
            int p = Utils.toPositive(Utils.murmur2(symbol.getBytes(StandardCharsets.UTF_8))) % 2;
            assertThat(entry.assignment().partitionOf(i)).as(symbol + " as Kafka's default partitioner").isEqualTo(p);
            expectedPerPartition[p] += summary.eventsPerInstrument().get(i);
        }
        assertThat(forced.eventsPerPartition()).containsExactly(expectedPerPartition[0], expectedPerPartition[1]);
        assertThat(new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("never-published"))).isEmpty();
    }

    @Test
    void pacedPublishingAddsTimedMarkersAndTheTopicStillChecks() throws Exception {
        // one simulated day in about a second of wall time: PROGRESS rounds every 10 ms besides every 4,096 events
        PublishResult paced = publish("it-paced", 3, false, ValueEncoding.DIRECT, AssignmentMode.BALANCED,
                new Speed(86_400));
        assertThat(paced.markers()).isGreaterThan(countedMarkers(3) + 3 * 20);
        assertThat(paced.markers() % 3).isZero();
        Verdict verdict = check("it-paced");
        assertThat(verdict.pass()).as(verdict.line()).isTrue();
    }

    @Test
    void unreachableBrokerFailsWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Publisher publisher = new Publisher(Map.of("bootstrap.servers", "127.0.0.1:" + port), registry,
                PacingClock.system(), Progress.NONE, Duration.ofSeconds(3));
        assertThatThrownBy(() -> publisher.publish(PublishRequest.of(SessionId.of("nowhere"), dataset, 6, Speed.MAX,
                false, EngineConfig.defaults()))).isInstanceOf(PublishException.class)
                .hasMessage("cannot reach Kafka at 127.0.0.1:" + port + " within 3 s (is the broker up? try 'qps up' or 'qps status')");
    }

    @Test
    void aSessionIdCollidingWithAnExistingOneIsRefusedNamingBoth() throws Exception {
        publish("col.lide", 1, false);
        assertThatThrownBy(() -> publish("col_lide", 1, false)).isInstanceOf(PublishException.class)
                .hasMessageStartingWith("session id 'col_lide' collides with existing session 'col.lide': Kafka"
                        + " treats '.' and '_' in topic names as the same character");
    }
}
