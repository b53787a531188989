package io.qps.producer.publish;

import io.qps.core.data.DatasetReader;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.PartitionAssignments;
import io.qps.producer.session.SessionManifests;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a dataset file to {@code qps.<session>.ticks}.
 *
 * <p>Each event becomes one record: key = the instrument's symbol (UTF-8), value = the Avro
 * {@link io.qps.schemas.MarketEvent} (with its {@code seq} and microsecond timestamp) in the Confluent wire format
 * under the schema id registered for {@code <topic>-value} (written by the project's serializer or the byte-identical
 * {@link DirectEventEncoder}, see {@link ValueEncoding}),
 * record timestamp = event time in milliseconds (floor). Records are left to Kafka's default partitioner, which
 * hashes the key (murmur2) modulo the partition count: every event of an instrument lands in the same partition,
 * and because events are sent in {@code seq} order by one idempotent producer ({@code enable.idempotence=true},
 * {@code acks=all}, at most 5 in flight, which Kafka keeps ordered), offset order within a partition is {@code seq}
 * order.
 *
 * <p>The session is refused if its ticks topic already holds records or its manifest exists, unless the request
 * says {@code force}: then the ticks topic is deleted and recreated and the manifest replaced (the session's run
 * output topics are left alone). The manifest is written before the first event (status {@code publishing}) and
 * again after the last acknowledgement (status {@code complete}). Every send's result is checked; the first
 * failure stops the publish with a {@link PublishException}.
 */
public final class Publisher {
    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final PacingClock clock;
    private final Progress progress;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers} and security settings)
     * @param registry the schema registry
     * @param clock the wall clock for pacing and rates
     * @param progress where progress goes
     * @param timeout bound on each admin call and on blocking sends (an unreachable cluster fails within it)
     */
    public Publisher(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, PacingClock clock,
                     Progress progress, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.registry = registry;
        this.clock = clock;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * Publishes the request's dataset.
     *
     * @throws io.qps.core.data.DatasetFormatException if the dataset is corrupt (checked before touching Kafka)
     * @throws PublishException if the cluster or registry is unreachable, the session exists without force, or a
     *     send fails
     */
    public PublishResult publish(PublishRequest request) throws InterruptedException {
        return publish(request, entry -> { });
    }

    /**
     * Publishes the request's dataset, calling {@code prepared} once the ticks topic exists and the manifest is
     * recorded (status {@code publishing}) and before the first event is sent: a live run starts its application
     * there, so it consumes while the events arrive.
     *
     * @throws io.qps.core.data.DatasetFormatException if the dataset is corrupt (checked before touching Kafka)
     * @throws PublishException if the cluster or registry is unreachable, the session exists without force, or a
     *     send fails
     */
    public PublishResult publish(PublishRequest request, Consumer<SessionEntry> prepared) throws InterruptedException {
        String topic = TopicNames.ticks(request.session());
        try (DatasetReader reader = DatasetReader.open(request.dataset());
             TopicAdmin admin = new TopicAdmin(kafka, timeout)) {
            admin.checkReachable();
            int schemaId = registerSchema(topic);
            SessionCatalog catalog = new SessionCatalog(kafka, registry, timeout);
            prepareTopic(admin, catalog, request, topic);
            SessionEntry entry = new SessionEntry(SessionManifests.of(request.session(), reader.header(),
                    reader.trailer(), request.partitions(), request.version(), System.currentTimeMillis()), false);
            catalog.record(entry);
            prepared.accept(entry);
            Sent sent = send(reader, topic, request, schemaId);
            SessionEntry complete = entry.completed();
            catalog.record(complete);
            return new PublishResult(complete, topic, sent.events, sent.bytes, sent.perPartition, sent.elapsedNanos);
        }
    }

    private int registerSchema(String topic) {
        try {
            return registry.register(AvroSerdeConfig.subject(topic, false), io.qps.schemas.MarketEvent.getClassSchema());
        } catch (RegistryException e) {
            throw new PublishException("schema registry at " + registry.url() + ": " + e.getMessage(), e);
        }
    }

    private void prepareTopic(TopicAdmin admin, SessionCatalog catalog, PublishRequest request, String topic) {
        admin.ensureSessionsTopic(catalog, request.replication());
        long records = admin.endOffsetSum(topic);
        Optional<SessionEntry> existing = catalog.find(request.session());
        if ((records > 0 || existing.isPresent()) && !request.force()) {
            String what = records > 0 ? "its topic " + topic + " already holds " + records + " records"
                    : "its manifest already exists in " + TopicNames.SESSIONS;
            throw new PublishException("session '" + request.session() + "' already exists: " + what
                    + "; choose another --session, or add --force to delete and recreate " + topic
                    + " and replace the manifest");
        }
        admin.delete(topic);
        if (existing.isPresent()) {
            catalog.forget(request.session());
        }
        admin.createTicks(topic, request.partitions(), request.replication());
    }

    private Sent send(DatasetReader reader, String topic, PublishRequest request, int schemaId)
            throws InterruptedException {
        Map<String, Object> props = ProducerSettings.merge(kafka, request.producerOverrides());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        long total = reader.trailer().eventCount();
        int[] partitionOf = PartitionAssignments.hash(reader.header().instruments().stream()
                .map(i -> i.symbol()).toList(), request.partitions()).partitionOf();
        Pacer pacer = new Pacer(request.speed(), clock);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLongArray perPartition = new AtomicLongArray(request.partitions());
        long sent = 0;
        long start;
        long elapsed;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer());
             EncodingPipeline events = new EncodingPipeline(reader, request.encoding() == ValueEncoding.DIRECT
                     ? EncodingPipeline.direct(reader, schemaId)
                     : EncodingPipeline.serde(reader, topic, new AvroSerializer<>(registry, true)))) {
            start = clock.nanoTime();
            for (EncodingPipeline.Encoded e = next(events, topic); e != null; e = next(events, topic)) {
                pacer.await(e.timestampMicros());
                throwIfFailed(failure);
                long seq = e.seq();
                Callback callback = (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, new PublishException("send of seq " + seq + " to " + topic
                                + " failed: " + error.getMessage(), error));
                    } else {
                        acked.incrementAndGet();
                        bytes.addAndGet(metadata.serializedValueSize());
                        perPartition.incrementAndGet(metadata.partition());
                    }
                };
                try {
                    producer.send(new ProducerRecord<>(topic, partitionOf[e.instrument()],
                            Math.floorDiv(e.timestampMicros(), 1000L), e.key(), e.value()), callback);
                } catch (KafkaException ex) {
                    throw new PublishException("cannot send seq " + seq + " to " + topic + ": " + ex.getMessage(), ex);
                }
                sent++;
                progress.update(sent, total, clock.nanoTime() - start);
            }
            producer.flush();
            elapsed = clock.nanoTime() - start;
        }
        throwIfFailed(failure);
        if (acked.get() != total) {
            throw new PublishException("only " + acked.get() + " of " + total + " events were acknowledged by "
                    + topic);
        }
        progress.finish(sent, total, elapsed);
        List<Long> counts = new ArrayList<>(perPartition.length());
        for (int p = 0; p < perPartition.length(); p++) {
            counts.add(perPartition.get(p));
        }
        return new Sent(acked.get(), bytes.get(), counts, elapsed);
    }

    private static EncodingPipeline.Encoded next(EncodingPipeline events, String topic) throws InterruptedException {
        try {
            return events.next();
        } catch (KafkaException e) {
            throw new PublishException("cannot serialize an event for " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void throwIfFailed(AtomicReference<RuntimeException> failure) {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new PublishException(e.getMessage() + " (the session is incomplete; publish again with --force)",
                    e.getCause());
        }
    }

    private record Sent(long events, long bytes, List<Long> perPartition, long elapsedNanos) {
    }
}
