package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.core.data.DatasetFiles;
import io.qps.core.engine.EngineConfig;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.publish.PacingClock;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.Publisher;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.runner.LiveRunner;
import io.qps.runner.ReplayRunner;
import io.qps.runner.RunException;
import io.qps.runner.RunOutcome;
import io.qps.runner.RunnerSettings;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import io.qps.schemas.wire.ConfluentWireFormat;
import io.qps.stream.topology.BadRecordPolicy;
import io.qps.stream.topology.MergeMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input end to end on a real broker. A small dataset is published (as {@code qps publish} does) to a source
 * session; its ticks are copied partition by partition, in offset order, into the ticks topic of the session under
 * test, with one record of every kind of bad input inserted at chosen positions (the copy keeps each partition's
 * seq order and its progress markers, and all bad records come before the END markers); the session's manifest is
 * the source's. The session is run as the product runs a session that another process publishes: live
 * ({@code qps live --attach}, consuming while the copy is written), then replayed ({@code qps replay}). Both runs
 * complete and quarantine exactly the injected records with their coordinates and reasons, identically;
 * {@code verify} compares their dead-letter topics record by record and passes, the outputs equal to the reference
 * engine on the clean dataset. A replay under {@code --on-bad-record fail} stops with one line naming the first bad
 * record of a partition.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadTicksIT {
    private static final SessionId SOURCE = SessionId.of("it-bad-source");
    private static final SessionId SESSION = SessionId.of("it-bad-input");
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;

    private static EmbeddedSchemaRegistry registryServer;
    private static KafkaFixture kafka;
    private static SchemaRegistryClient registry;
    private static RunnerSettings settings;
    private static Path dataset;
    private static io.qps.core.instrument.Universe universe;
    /** The injected records, in the order they were written. */
    private static final List<Injected> INJECTED = new ArrayList<>();
    private static RunOutcome live;
    private static RunOutcome replay;
    private static final List<String> LOG = new ArrayList<>();

    /** One injected bad record: where it landed and the reason the run must give. */
    private record Injected(String kind, int partition, long offset, String reason) {
    }

    /** What to insert after the {@code afterEvent}-th event (0-based) of a partition. */
    private record Plan(String kind, int partition, int afterEvent) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("bad magic byte", 0, 10),
            new Plan("unknown schema id", 0, 40),
            new Plan("truncated Avro", 0, 70),
            new Plan("non-positive price", 1, 15),
            new Plan("crossed book", 1, 45),
            new Plan("negative size", 1, 75),
            new Plan("duplicated seq", 2, 20),
            new Plan("out-of-order seq", 2, 50),
            new Plan("unknown instrument", 2, 80),
            new Plan("instrument of another partition", 0, 100),
            new Plan("empty value", 1, 100),
            new Plan("null value", 2, 100));

    @BeforeAll
    static void publishInjectAndRun() throws Exception {
        long t0 = System.nanoTime();
        // A broker of its own: the shared broker's catalogs hold records of other tests' registries, which this
        // test's registry cannot read.
        kafka = KafkaFixture.start();
        registryServer = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(10));
        settings = RunnerSettings.singleNode(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                registryServer.url(), dir.resolve("data")).withStallTimeout(Duration.ofSeconds(120));
        dataset = dir.resolve("47-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(47, 1).withDensity(0.01), dataset);
        long t1 = System.nanoTime();
        new Publisher(settings.kafka(), registry, PacingClock.system(), Progress.NONE, settings.timeout())
                .publish(PublishRequest.of(SOURCE, dataset, PARTITIONS, Speed.MAX, false, EngineConfig.defaults()));
        long t2 = System.nanoTime();
        SessionEntry published = prepareSession();
        java.util.concurrent.CompletableFuture<RunOutcome> attached = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> new LiveRunner(settings, registry, LOG::add).attach(SESSION, 2, MergeMode.GATED,
                        Duration.ofSeconds(30)));
        copyWithBadRecords(published);
        new SessionCatalog(settings.kafka(), registry, settings.timeout()).record(published.completed());
        live = attached.get(5, java.util.concurrent.TimeUnit.MINUTES);
        long t3 = System.nanoTime();
        replay = new ReplayRunner(settings, registry, LOG::add).replay(SESSION, 1);
        System.out.printf(java.util.Locale.ROOT, "BadTicksIT: %,d events; broker and registry %.1f s, publish %.1f s,"
                + " copy and live %.1f s, replay %.1f s%n", live.events(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
    }

    @AfterAll
    static void tearDown() {
        if (registryServer != null) {
            registryServer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * Creates the ticks topic of the session under test and records its manifest (the source's, renamed) as being
     * published, as {@code qps publish} does before its first event.
     */
    private static SessionEntry prepareSession() {
        SessionCatalog sessions = new SessionCatalog(settings.kafka(), registry, settings.timeout());
        SessionEntry source = sessions.find(SOURCE).orElseThrow();
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
            admin.createTicks(TopicNames.ticks(SESSION), PARTITIONS, TopicSettings.DEFAULTS);
        }
        SessionEntry entry = new SessionEntry(SessionManifest.newBuilder(source.manifest())
                .setSessionId(SESSION.value()).build(), false);
        sessions.record(entry);
        return entry;
    }

    /**
     * Copies the source session's ticks into the session under test, partition by partition, inserting the planned
     * bad records, while the live run consumes.
     */
    private static void copyWithBadRecords(SessionEntry session) throws Exception {
        String from = TopicNames.ticks(SOURCE);
        String to = TopicNames.ticks(SESSION);
        int[] partitionOf = session.assignment().partitionOf();
        universe = io.qps.runner.SessionRunner.universe(session.manifest());
        AvroDeserializer<io.qps.schemas.MarketEvent> avro =
                new AvroDeserializer<>(io.qps.schemas.MarketEvent.class, registry);
        Map<String, Object> props = new HashMap<>(settings.kafka());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int p = 0; p < PARTITIONS; p++) {
                List<ConsumerRecord<byte[], byte[]>> records = readPartition(from, p);
                List<byte[]> events = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    producer.send(new ProducerRecord<>(to, p, r.timestamp(), r.key(), r.value(), r.headers()));
                    io.qps.schemas.MarketEvent value = avro.deserialize(from, r.offset(), r.value());
                    if (MarketEventMapping.isProgress(value)) {
                        continue;
                    }
                    events.add(r.value());
                    for (Plan plan : PLANS) {
                        if (plan.partition() == p && plan.afterEvent() == events.size() - 1) {
                            inject(producer, to, p, r, plan, events, value, partitionOf);
                        }
                    }
                }
            }
            producer.flush();
        }
        assertThat(INJECTED).hasSize(PLANS.size());
    }

    private static void inject(KafkaProducer<byte[], byte[]> producer, String topic, int p,
                               ConsumerRecord<byte[], byte[]> after, Plan plan, List<byte[]> events,
                               io.qps.schemas.MarketEvent avroEvent, int[] partitionOf) throws Exception {
        byte[] raw = after.value();
        int schemaId = ByteBuffer.wrap(raw, 1, 4).getInt();
        MarketEvent e = MarketEventMapping.toCore(avroEvent);
        String symbol = avroEvent.getSymbol().toString();
        Function<MarketEvent, byte[]> encode = x -> ConfluentWireFormat.encode(schemaId,
                io.qps.schemas.MarketEvent.getClassSchema(), MarketEventMapping.toAvro(x, symbol));
        byte[] value;
        String reason;
        switch (plan.kind()) {
            case "bad magic byte" -> {
                value = raw.clone();
                value[0] = 7;
                reason = "not a MarketEvent: topic " + topic + ": unknown magic byte 0x07 (expected 0x00): not"
                        + " Confluent wire format";
            }
            case "unknown schema id" -> {
                value = raw.clone();
                ByteBuffer.wrap(value, 1, 4).putInt(424_242);
                reason = "not a MarketEvent: schema id 424242 is not registered";
            }
            case "truncated Avro" -> {
                value = Arrays.copyOf(raw, ConfluentWireFormat.HEADER_LENGTH + 3);
                reason = "not a MarketEvent: the value ends at byte " + value.length + ", inside its Avro body";
            }
            case "empty value" -> {
                value = new byte[0];
                reason = "not a MarketEvent: topic " + topic + ": payload of 0 bytes is shorter than the 5-byte"
                        + " Confluent wire-format header";
            }
            case "null value" -> {
                value = null;
                reason = "not a MarketEvent: topic " + topic + ": payload of 0 bytes is shorter than the 5-byte"
                        + " Confluent wire-format header";
            }
            case "non-positive price" -> {
                value = encode.apply(new Quote(e.seq(), e.timestampMicros(), e.instrument(), 0, 10, 100, 10));
                reason = "quote price not positive (bid 0, ask 100)";
            }
            case "crossed book" -> {
                value = encode.apply(new BookUpdate(e.seq(), e.timestampMicros(), e.instrument(), new long[] {200},
                        new long[] {1}, new long[] {190}, new long[] {1}));
                reason = "crossed book: best bid 200 >= best ask 190";
            }
            case "negative size" -> {
                value = encode.apply(new Trade(e.seq(), e.timestampMicros(), e.instrument(), 100, -3, Side.BUY));
                reason = "trade size -3 is not positive";
            }
            case "duplicated seq" -> {
                value = raw.clone();
                reason = "seq " + e.seq() + " after seq " + e.seq() + " in this partition (duplicated)";
            }
            case "out-of-order seq" -> {
                value = events.get(events.size() - 11).clone();
                long earlier = MarketEventMapping.toCore(new AvroDeserializer<>(io.qps.schemas.MarketEvent.class,
                        registry).deserialize(topic, value)).seq();
                reason = "seq " + earlier + " after seq " + e.seq() + " in this partition (out of order)";
            }
            case "unknown instrument" -> {
                value = encode.apply(new Trade(e.seq(), e.timestampMicros(), 999, 100, 1, Side.SELL));
                reason = "instrument id 999 is not in the session's universe (ids 0.." + (partitionOf.length - 1) + ")";
            }
            case "instrument of another partition" -> {
                int foreign = 0;
                while (partitionOf[foreign] == p) {
                    foreign++;
                }
                value = encode.apply(new Trade(e.seq(), e.timestampMicros(), foreign, 100, 1, Side.SELL));
                reason = "instrument " + universe.get(foreign).symbol() + " (id " + foreign + ") is assigned to"
                        + " partition " + partitionOf[foreign] + ", not " + p;
            }
            default -> throw new IllegalArgumentException(plan.kind());
        }
        long offset = producer.send(new ProducerRecord<>(topic, p, after.timestamp(), after.key(), value)).get()
                .offset();
        INJECTED.add(new Injected(plan.kind(), p, offset, reason));
    }

    private static List<ConsumerRecord<byte[], byte[]>> readPartition(String topic, int p) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                settings.bootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, p);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static SessionVerifier verifier() {
        return new SessionVerifier(settings.kafka(), registry, Duration.ofSeconds(30));
    }

    /** Asserts that {@code letters} are exactly the injected records: coordinates and reason per kind. */
    private static void assertInjected(DeadLetters letters) {
        assertThat(letters.count()).isEqualTo(INJECTED.size());
        List<Injected> expected = new ArrayList<>(INJECTED);
        expected.sort(java.util.Comparator.comparingInt(Injected::partition).thenComparingLong(Injected::offset));
        for (int i = 0; i < expected.size(); i++) {
            Injected x = expected.get(i);
            DeadLetters.Entry e = letters.entries().get(i);
            assertThat(e.topic()).as(x.kind()).isEqualTo(TopicNames.ticks(SESSION));
            assertThat(e.partition()).as(x.kind()).isEqualTo(x.partition());
            assertThat(e.offset()).as(x.kind()).isEqualTo(x.offset());
            assertThat(e.reason()).as(x.kind()).isEqualTo(x.reason());
        }
    }

    @Test
    @Order(1)
    void bothRunsCompleteAndQuarantineExactlyTheInjectedRecords() {
        assertThat(live.events()).isEqualTo(replay.events());
        assertThat(live.warnings()).anyMatch(w -> w.startsWith(INJECTED.size() + " bad ticks records quarantined"));
        DeadLetters liveLetters = verifier().deadLetters(SESSION, "live");
        DeadLetters replayLetters = verifier().deadLetters(SESSION, "replay-1");
        assertInjected(liveLetters);
        assertInjected(replayLetters);
        assertThat(DeadLetters.firstDifference(liveLetters, replayLetters)).isNull();
        assertThat(liveLetters.digest()).isEqualTo(replayLetters.digest());
        // a run without a dead-letter topic (made before there were any) has an empty one, and reading does not
        // create it
        assertThat(verifier().deadLetters(SESSION, "replay-9").digest()).isEqualTo(DeadLetters.EMPTY_DIGEST);
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
            assertThat(admin.topicNames()).contains(TopicNames.ticks(SESSION))
                    .doesNotContain("qps." + SESSION + ".replay-9.dlq");
        }
    }

    @Test
    @Order(2)
    void verifyReportsTheQuarantinesAndPassesWithTheOutputsOfTheCleanData() throws Exception {
        Verification v = verifier().verify(SESSION, null, null, dataset);
        assertThat(v.quarantined().match()).isTrue();
        assertThat(v.quarantined().live()).isEqualTo(INJECTED.size());
        assertThat(v.liveVsReference().match()).isTrue();
        assertThat(v.replayVsReference().match()).isTrue();
        assertThat(v.passed()).isTrue();
        assertThat(v.live().canonical().digest()).isEqualTo(v.reference().canonical().digest());
        JsonNode detailed = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(v)));
        JsonNode q = detailed.path("quarantined");
        assertThat(q.at("/live/records").asLong()).isEqualTo(INJECTED.size());
        assertThat(q.at("/replay-1/records").asLong()).isEqualTo(INJECTED.size());
        assertThat(q.at("/live/digest").asText()).isEqualTo(q.at("/replay-1/digest").asText())
                .isNotEqualTo(DeadLetters.EMPTY_DIGEST);
        assertThat(q.path("match").asText()).isEqualTo("PASS");
        assertThat(q.path("first_difference").isNull()).isTrue();
        assertThat(q.path("compares").asText()).startsWith("live vs replay");
        assertThat(detailed.path("verdict").asText()).isEqualTo("PASS");
        JsonNode summary = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(v)));
        assertThat(summary.path("pnl_match").asText()).isEqualTo("PASS");
        assertThat(summary.at("/oracle/live_vs_reference").asText()).isEqualTo("PASS");
    }

    @Test
    @Order(3)
    void underTheFailPolicyAReplayStopsWithOneLineNamingTheFirstBadRecordOfAPartition() {
        ReplayRunner strict = new ReplayRunner(settings.withBadRecords(BadRecordPolicy.FAIL), registry, LOG::add);
        assertThatThrownBy(() -> strict.replay(SESSION, 1))
                .isInstanceOf(RunException.class)
                .satisfies(t -> {
                    String message = t.getMessage();
                    assertThat(message).doesNotContain("\n")
                            .startsWith("run replay-2 of " + SESSION + " failed: a stream thread died: bad record in "
                                    + TopicNames.ticks(SESSION) + " partition ");
                    List<String> firsts = new ArrayList<>();
                    for (int p = 0; p < PARTITIONS; p++) {
                        int partition = p;
                        INJECTED.stream().filter(x -> x.partition() == partition)
                                .min(java.util.Comparator.comparingLong(Injected::offset))
                                .ifPresent(x -> firsts.add("partition " + x.partition() + " at offset " + x.offset()
                                        + ": " + x.reason()));
                    }
                    assertThat(firsts).anyMatch(message::contains);
                    assertThat(message).endsWith("(--on-bad-record quarantine would set it aside and carry on)");
                });
    }
}
