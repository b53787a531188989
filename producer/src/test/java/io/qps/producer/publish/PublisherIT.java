package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetSummary;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.consume.TicksCheck;
import io.qps.producer.consume.TicksReader;
import io.qps.producer.consume.Verdict;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return publish(session, partitions, force, ValueEncoding.DIRECT);
    }

    private static PublishResult publish(String session, int partitions, boolean force, ValueEncoding encoding)
            throws InterruptedException {
        Publisher publisher = new Publisher(props, registry, PacingClock.system(), Progress.NONE, TIMEOUT);
        return publisher.publish(new PublishRequest(SessionId.of(session), dataset, partitions, (short) 1, Speed.MAX,
                force, QpsVersion.get(), Map.of(), encoding));
    }

    private static Verdict check(String session) {
        try (TicksReader reader = new TicksReader(props, registry, TopicNames.ticks(SessionId.of(session)), TIMEOUT)) {
            return TicksCheck.run(reader, dataset, TIMEOUT);
        }
    }

    @Test
    void publishesExactlyTheDatasetKeyedByInstrumentAndRecordsTheManifest() throws Exception {
        long beforeMillis = System.currentTimeMillis();
        PublishResult result = publish("it-six", 6, false);
        long afterMillis = System.currentTimeMillis();

        assertThat(result.topic()).isEqualTo("qps.it-six.ticks");
        assertThat(result.events()).isEqualTo(summary.eventCount()).isGreaterThan(10_000);
        assertThat(result.eventsPerPartition()).hasSize(6);
        assertThat(result.eventsPerPartition().stream().mapToLong(Long::longValue).sum()).isEqualTo(summary.eventCount());
        Map<Integer, Long> expectedPerPartition = new TreeMap<>();
        List<String> symbols = List.of("BTC-USD", "ETH-USD", "XOM", "CVX", "AAPL", "MSFT", "EURUSD", "GBPUSD", "ES", "NQ");
        for (int i = 0; i < symbols.size(); i++) {
            int p = Utils.toPositive(Utils.murmur2(symbols.get(i).getBytes(StandardCharsets.UTF_8))) % 6;
            expectedPerPartition.merge(p, summary.eventsPerInstrument().get(i), Long::sum);
        }
        for (int p = 0; p < 6; p++) {
            assertThat(result.eventsPerPartition().get(p)).as("partition " + p + " holds its instruments' events")
                    .isEqualTo(expectedPerPartition.getOrDefault(p, 0L));
        }

        assertThat(check("it-six")).isEqualTo(new Verdict(true, String.format(java.util.Locale.ROOT,
                "PASS: the topic holds exactly the %,d events of the dataset in 6 partitions: every field equal, each seq"
                        + " once, seq strictly increasing within every partition", summary.eventCount())));

        SessionEntry entry = new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("it-six")).orElseThrow();
        SessionManifest m = entry.manifest();
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
    void refusesAnExistingSessionAndForceRecreatesItThroughTheSerde() throws Exception {
        publish("it-again", 3, false);
        assertThatThrownBy(() -> publish("it-again", 3, false)).isInstanceOf(PublishException.class)
                .hasMessage("session 'it-again' already exists: its topic qps.it-again.ticks already holds "
                        + summary.eventCount() + " records; choose another --session, or add --force to delete and"
                        + " recreate qps.it-again.ticks and replace the manifest");

        PublishResult forced = publish("it-again", 2, true, ValueEncoding.SERDE);
        assertThat(forced.eventsPerPartition()).hasSize(2);
        assertThat(check("it-again").pass()).isTrue();
        SessionEntry entry = new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("it-again")).orElseThrow();
        assertThat(entry.manifest().getPartitions()).isEqualTo(2);
        assertThat(new SessionCatalog(props, registry, TIMEOUT).find(SessionId.of("never-published"))).isEmpty();
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
                false))).isInstanceOf(PublishException.class).hasMessage("cannot reach Kafka at 127.0.0.1:" + port
                + " within 3 s (is the broker up? try 'qps up' or 'qps status')");
    }
}
