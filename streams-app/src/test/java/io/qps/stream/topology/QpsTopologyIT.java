package io.qps.stream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.KafkaFixture;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.schemas.serde.AvroDeserializer;
import io.qps.schemas.serde.AvroSerde;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The topology on a real broker (exactly_once_v2, 3 ticks partitions, 2 stream threads) equals the reference
 * engine. The runner's own ITs cover live/replay/reset; this one proves the topology itself on Kafka.
 */
class QpsTopologyIT {
    /**
     * System property {@code qps.it.density} scales the session (default 0.05: about 40,000 ticks);
     * {@code qps.it.commit.ms} sets the commit interval (default 200).
     */
    private static final SimConfig SIM = SimConfig.defaults(42, 1)
            .withDensity(Double.parseDouble(System.getProperty("qps.it.density", "0.05")));
    private static KafkaFixture kafka;
    private static EmbeddedSchemaRegistry registry;
    private static List<MarketEvent> events;
    private static EngineResult reference;

    @BeforeAll
    static void start() {
        kafka = KafkaFixture.start();
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        events = new ArrayList<>();
        new MarketSimulator(SIM).run(events::add);
        reference = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), events);
    }

    @AfterAll
    static void stop() {
        registry.close();
        kafka.close();
    }

    /**
     * The whole matrix the contract names: 1, 3, 6 and 12 ticks partitions (12 is more partitions than
     * instruments: some carry only progress markers) under 1, 2 and 4 stream threads, each equal to the reference.
     */
    @ParameterizedTest(name = "{0} partitions, {1} threads")
    @CsvSource({"1,1", "1,2", "1,4", "3,1", "3,2", "3,4", "6,1", "6,2", "6,4", "12,1", "12,2", "12,4"})
    void everyPartitionAndThreadCountEqualsTheReference(int partitions, int threads) throws Exception {
        assertEqualsReference(run("it" + partitions + "x" + threads, partitions, threads));
    }

    @Test
    void closedMidStreamWithLocalStateWipedAndRestartedEqualsTheReference() throws Exception {
        assertEqualsReference(run("itrestart", 3, 2, MergeMode.GATED, events.size() / 2, true));
    }

    /**
     * What a live run at a real-time pace does differently: the ticks carry a paced publisher's clock rounds (a
     * PROGRESS round at every whole minute between two events, so partitions cross boundaries by markers), and
     * tasks ask for a commit as soon as they forward an output (prompt commits), with a restart in the middle.
     */
    @Test
    void clockRoundsAndPromptCommitsEqualTheReference() throws Exception {
        assertEqualsReference(run("itpaced", 6, 2, MergeMode.GATED, events.size() / 3, false, true));
    }

    /**
     * The deliberately broken gate decides a boundary on the summaries that happen to be there: on a broker
     * that changes the cross strategies' orders, so the canonical form differs from the reference's.
     */
    @Test
    void arrivalOrderMergeDivergesFromTheReference() throws Exception {
        CanonicalForm streamed = run("itbad", 3, 2, MergeMode.ARRIVAL_ORDER, 0, false);
        assertThat(streamed.digest()).isNotEqualTo(reference.canonical().digest());
        assertThat(streamed.lines(OutputTopic.FILLS)).isNotEqualTo(reference.canonical().lines(OutputTopic.FILLS));
    }

    private static void assertEqualsReference(CanonicalForm streamed) {
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(streamed.lines(t)).as(t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
        }
        assertThat(streamed.digest()).isEqualTo(reference.canonical().digest());
    }

    private static CanonicalForm run(String session, int partitions, int threads) throws Exception {
        return run(session, partitions, threads, MergeMode.GATED, 0, false);
    }

    /**
     * Runs a session; with {@code restartAt > 0} the application is closed once the portfolio released that seq
     * (its local state wiped when {@code wipeBetween}, so it restores from the changelogs) and started again.
     */
    private static CanonicalForm run(String session, int partitions, int threads, MergeMode mode, long restartAt,
                                     boolean wipeBetween) throws Exception {
        return run(session, partitions, threads, mode, restartAt, wipeBetween, false);
    }

    /** As above; {@code paced}: clock rounds in the ticks and prompt commits. */
    private static CanonicalForm run(String session, int partitions, int threads, MergeMode mode, long restartAt,
                                     boolean wipeBetween, boolean paced) throws Exception {
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        String ticks = session + ".ticks";
        RunTopics outputs = new RunTopics(session + ".live.orders", session + ".live.fills",
                session + ".live.positions", session + ".live.pnl");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // Event-time record timestamps (2024) are older than the broker's default retention: keep forever.
            Map<String, String> forever = Map.of("retention.ms", "-1", "retention.bytes", "-1");
            List<NewTopic> topics = new ArrayList<>();
            topics.add(new NewTopic(ticks, partitions, (short) 1).configs(forever));
            for (String t : List.of(outputs.orders(), outputs.fills(), outputs.positions(), outputs.pnl(),
                    outputs.partials())) {
                topics.add(new NewTopic(t, 1, (short) 1).configs(forever));
            }
            topics.add(new NewTopic(outputs.summaries(), partitions, (short) 1).configs(forever));
            admin.createTopics(topics).all().get();
        }
        int[] partitionOf = new int[Universe.standard().size()];
        for (int i = 0; i < partitionOf.length; i++) {
            partitionOf[i] = i % partitions;
        }
        publish(ticks, serde, partitionOf, partitions, paced);
        TopologySpec spec = new TopologySpec(ticks, partitions, "live", outputs, Universe.standard(),
                EngineConfig.defaults(), serde, mode, partitionOf, BadRecordPolicy.QUARANTINE);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qps-" + session);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                Integer.parseInt(System.getProperty("qps.it.commit.ms", "200")));
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("qps-it-state").toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(io.qps.stream.processor.PromptCommits.CONFIG, Boolean.toString(paced));
        long started = System.nanoTime();
        if (restartAt > 0) {
            runUntil(spec, props, restartAt);
            if (wipeBetween) {
                try (KafkaStreams stopped = new KafkaStreams(QpsTopology.build(spec), props)) {
                    stopped.cleanUp();
                }
            }
        }
        runUntil(spec, props, events.size());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("QpsTopologyIT %s: %d partitions, %d threads, commit %s ms: %d events released in %d ms%n",
                session, partitions, threads, props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), events.size(),
                millis);
        return read(outputs, serde);
    }

    /** Runs the application until the portfolio released {@code seq}, then closes it (which commits). */
    private static void runUntil(TopologySpec spec, Properties props, long seq) throws InterruptedException {
        Throwable[] failure = {null};
        try (KafkaStreams streams = new KafkaStreams(QpsTopology.build(spec), props)) {
            streams.setUncaughtExceptionHandler(e -> {
                failure[0] = e;
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (QpsTopology.releasedSeq(streams) < seq && failure[0] == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(failure[0]).as("stream failure").isNull();
            assertThat(QpsTopology.releasedSeq(streams)).isGreaterThanOrEqualTo(seq);
            streams.close(Duration.ofSeconds(60));
        }
    }

    /** Publishes every event (keyed by symbol, event time in ms) and fails unless the broker acknowledged all. */
    /** Publishes the events to their instruments' partitions, between START and END markers in every partition. */
    private static void publish(String topic, Map<String, Object> serde, int[] partitionOf, int partitions,
                                boolean clockRounds) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        // Not idempotent: on the embedded broker an idempotent producer writing to a topic created a moment
        // earlier was seen resending sequence 0 forever (OUT_OF_ORDER_SEQUENCE_NUMBER). One request in flight
        // keeps the order; a duplicate after a retry would make the topology stop on a repeated seq, loudly.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AvroSerde<io.qps.schemas.MarketEvent> values = new AvroSerde<>(io.qps.schemas.MarketEvent.class);
        values.configure(serde, false);
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, io.qps.schemas.MarketEvent> producer = new KafkaProducer<>(config,
                new StringSerializer(), values.serializer())) {
            MarketEvent firstEvent = events.get(0);
            MarketEvent lastEvent = events.get(events.size() - 1);
            for (int p = 0; p < partitions; p++) {
                ProgressMarker start = new ProgressMarker(ProgressMarker.Kind.START, 0, firstEvent.timestampMicros());
                acks.add(producer.send(new ProducerRecord<>(topic, p, Math.floorDiv(start.timestampMicros(), 1000L),
                        null, MarketEventMapping.toAvro(start, p))));
            }
            long watermark = firstEvent.timestampMicros();
            long minute = 60_000_000L;
            MarketEvent prev = null;
            for (MarketEvent e : events) {
                for (long t = (Math.floorDiv(watermark, minute) + 1) * minute; clockRounds && prev != null
                        && t < e.timestampMicros(); t += minute) {
                    ProgressMarker round = new ProgressMarker(ProgressMarker.Kind.PROGRESS, prev.seq(), t);
                    for (int p = 0; p < partitions; p++) {
                        acks.add(producer.send(new ProducerRecord<>(topic, p, Math.floorDiv(t, 1000L), null,
                                MarketEventMapping.toAvro(round, p))));
                    }
                    watermark = t;
                }
                watermark = Math.max(watermark, e.timestampMicros());
                prev = e;
                String symbol = Universe.standard().get(e.instrument()).symbol();
                acks.add(producer.send(new ProducerRecord<>(topic, partitionOf[e.instrument()],
                        Math.floorDiv(e.timestampMicros(), 1000L), symbol, MarketEventMapping.toAvro(e, symbol))));
            }
            for (int p = 0; p < partitions; p++) {
                ProgressMarker end = new ProgressMarker(ProgressMarker.Kind.END, lastEvent.seq(),
                        lastEvent.timestampMicros());
                acks.add(producer.send(new ProducerRecord<>(topic, p, Math.floorDiv(end.timestampMicros(), 1000L),
                        null, MarketEventMapping.toAvro(end, p))));
            }
            producer.flush();
        }
        for (var ack : acks) {
            ack.get();
        }
    }

    private static CanonicalForm read(RunTopics outputs, Map<String, Object> serde) {
        Map<OutputTopic, List<OutputRecord>> records = new EnumMap<>(OutputTopic.class);
        Map<String, OutputTopic> byName = Map.of(outputs.orders(), OutputTopic.ORDERS, outputs.fills(),
                OutputTopic.FILLS, outputs.positions(), OutputTopic.POSITIONS, outputs.pnl(), OutputTopic.PNL);
        for (OutputTopic t : OutputTopic.values()) {
            records.put(t, new ArrayList<>());
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var orders = deserializer(io.qps.schemas.OrderEvent.class, serde);
        var fills = deserializer(ExecutionReport.class, serde);
        var positions = deserializer(Position.class, serde);
        var pnl = deserializer(io.qps.schemas.PnlSnapshot.class, serde);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : byName.keySet()) {
                partitions.add(new TopicPartition(topic, 0));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!atEnd(consumer, end) && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    OutputTopic t = byName.get(r.topic());
                    OutputRecord core = switch (t) {
                        case ORDERS -> OutputMapping.toCore(orders.deserialize(r.topic(), r.value()));
                        case FILLS -> OutputMapping.toCore(fills.deserialize(r.topic(), r.value()));
                        case POSITIONS -> OutputMapping.toCore(positions.deserialize(r.topic(), r.value()));
                        case PNL -> OutputMapping.toCore(pnl.deserialize(r.topic(), r.value()));
                    };
                    records.get(t).add(core);
                }
            }
            assertThat(atEnd(consumer, end)).as("outputs read to their end").isTrue();
        }
        return CanonicalForm.of(records);
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> AvroDeserializer<T> deserializer(
            Class<T> type, Map<String, Object> serde) {
        AvroSerde<T> s = new AvroSerde<>(type);
        s.configure(serde, false);
        return s.deserializer();
    }

}
