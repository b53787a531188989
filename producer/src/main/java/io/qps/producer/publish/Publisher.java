package io.qps.producer.publish;

import io.qps.core.data.DatasetReader;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.PartitionAssignments;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionIdCollisions;
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
 * record timestamp = event time in milliseconds (floor). Each record goes to its instrument's partition in the
 * session's {@link PartitionAssignment} (balanced by event counts, or Kafka's murmur2 of the key; recorded in the
 * manifest): every event of an instrument lands in the same partition, and because events are sent in {@code seq}
 * order by one idempotent producer ({@code enable.idempotence=true}, {@code acks=all}, at most 5 in flight, which
 * Kafka keeps ordered), offset order within a partition is {@code seq} order.
 *
 * <p>Between the events, the same producer writes rounds of progress markers, one per partition (see
 * {@link ProgressMarkers}): START before the first event, PROGRESS every {@link MarkerPolicy#everyEvents()} events
 * (and, when paced, every {@link MarkerPolicy#everyMillis()} of wall time, and at each whole second of event time the
 * paced clock reaches while it waits for the next event), END after the last. A marker follows in
 * its partition every event it covers. Publishing always starts from an empty topic (there is no resume: a failed
 * publish is repeated with {@code force}), so the markers of a topic are always one consistent sequence.
 *
 * <p>The session is refused if its id collides with a known session's or an existing topic's in Kafka's eyes
 * ({@link SessionIdCollisions}: {@code a.b} and {@code a_b}), and if its ticks topic already holds records or its manifest exists, unless the request
 * says {@code force}: then the ticks topic is deleted and recreated and the manifest replaced (the session's run
 * output topics are left alone). The manifest is written before the first event (status {@code publishing}) and
 * again after the last acknowledgement (status {@code complete}). Every send's result is checked; the first
 * failure stops the publish with a {@link PublishException}.
 */
public final class Publisher {
    /** How long sends wait for a broker that stopped answering before the publish fails. */
    public static final java.time.Duration OUTAGE_WINDOW = java.time.Duration.ofMinutes(2);
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
            PartitionAssignment assignment = PartitionAssignments.of(request.assignment(), reader.header(),
                    reader.trailer(), request.partitions());
            SessionEntry entry = new SessionEntry(SessionManifests.of(request.session(), reader.header(),
                    reader.trailer(), assignment, request.assignment(), request.version(), System.currentTimeMillis(),
                    request.engineConfig()), false);
            catalog.record(entry);
            prepared.accept(entry);
            Sent sent = send(reader, topic, request, schemaId, assignment);
            SessionEntry complete = entry.completed();
            catalog.record(complete);
            return new PublishResult(complete, topic, sent.events, sent.markers, sent.bytes, sent.perPartition,
                    sent.elapsedNanos);
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
        admin.ensureSessionsTopic(catalog, request.topics());
        Map<String, SessionEntry> sessions = catalog.all();
        SessionIdCollisions.problem(request.session(), sessions.keySet(), admin.topicNames()).ifPresent(problem -> {
            throw new PublishException(problem);
        });
        long records = admin.endOffsetSum(topic);
        Optional<SessionEntry> existing = Optional.ofNullable(sessions.get(request.session().value()));
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
        admin.createTicks(topic, request.partitions(), request.topics());
    }

    private Sent send(DatasetReader reader, String topic, PublishRequest request, int schemaId,
                      PartitionAssignment assignment) throws InterruptedException {
        Map<String, Object> props = ProducerSettings.merge(kafka, request.producerOverrides());
        // A broker that goes away mid-publish is waited for (sends block, then retry) up to the outage window,
        // not the short timeout of an admin call: it costs time, not the session.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(timeout.toMillis(), OUTAGE_WINDOW.toMillis()));
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) OUTAGE_WINDOW.toMillis());
        long total = reader.trailer().eventCount();
        int[] partitionOf = assignment.partitionOf();
        Pacer pacer = new Pacer(request.speed(), clock);
        PublishAcks acks = new PublishAcks(topic, request.partitions());
        long sent = 0;
        long start;
        long elapsed;
        ProgressMarkers markers;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer());
             EncodingPipeline events = new EncodingPipeline(reader, request.encoding() == ValueEncoding.DIRECT
                     ? EncodingPipeline.direct(reader, schemaId)
                     : EncodingPipeline.serde(reader, topic, new AvroSerializer<>(registry, true)))) {
            markers = new ProgressMarkers(request.markers(), !request.speed().isMax(), clock, topic,
                    request.partitions(), request.encoding() == ValueEncoding.DIRECT
                            ? EncodingPipeline.directMarkers(schemaId)
                            : EncodingPipeline.serdeMarkers(topic, new AvroSerializer<>(registry, true)));
            start = clock.nanoTime();
            for (EncodingPipeline.Encoded e = next(events, topic); e != null; e = next(events, topic)) {
                if (sent == 0) {
                    sendMarkers(producer, markers.start(e.timestampMicros()), acks);
                }
                pace(pacer, markers, e.timestampMicros(), producer, acks);
                acks.throwIfFailed();
                try {
                    producer.send(new ProducerRecord<>(topic, partitionOf[e.instrument()],
                            Math.floorDiv(e.timestampMicros(), 1000L), e.key(), e.value()), acks.event(e.seq()));
                } catch (KafkaException ex) {
                    throw new PublishException("cannot send seq " + e.seq() + " to " + topic + ": " + ex.getMessage(),
                            ex);
                }
                sent++;
                markers.sent(e.seq(), e.timestampMicros());
                if (sent < total && markers.progressDue()) {
                    sendMarkers(producer, markers.progress(), acks);
                }
                progress.update(sent, total, clock.nanoTime() - start);
            }
            sendMarkers(producer, sent > 0 ? markers.end() : markers.start(reader.header().startMicros()), acks);
            producer.flush();
            elapsed = clock.nanoTime() - start;
        }
        acks.throwIfFailed();
        if (acks.events.get() != total) {
            throw new PublishException("only " + acks.events.get() + " of " + total + " events were acknowledged by "
                    + topic);
        }
        long markersSent = markers.rounds() * request.partitions();
        if (acks.markers.get() != markersSent) {
            throw new PublishException("only " + acks.markers.get() + " of " + markersSent + " progress markers were"
                    + " acknowledged by " + topic);
        }
        progress.finish(sent, total, elapsed);
        List<Long> counts = new ArrayList<>(acks.perPartition.length());
        for (int p = 0; p < acks.perPartition.length(); p++) {
            counts.add(acks.perPartition.get(p));
        }
        return new Sent(acks.events.get(), acks.markers.get(), acks.bytes.get(), counts, elapsed);
    }

    /**
     * Waits until the event at {@code eventMicros} is due, sending a timed round of PROGRESS markers whenever one
     * falls due during the wait (so a slow live session still advances every partition), and a clock round whenever
     * the paced clock reaches a whole second before the event (so every partition crosses a boundary when the paced
     * clock does, not when the next event comes).
     */
    private void pace(Pacer pacer, ProgressMarkers markers, long eventMicros, KafkaProducer<byte[], byte[]> producer,
                      PublishAcks acks) throws InterruptedException {
        for (long wait = pacer.remainingNanos(eventMicros); wait > 0; wait = pacer.remainingNanos(eventMicros)) {
            long tick = markers.nextClockTick(eventMicros);
            long tickWait = tick == Long.MAX_VALUE ? Long.MAX_VALUE : pacer.remainingNanos(tick);
            long due = markers.nanosUntilDue();
            if (tickWait == 0) {
                sendMarkers(producer, markers.clock(pacer.pacedMicros(), eventMicros), acks);
            } else if (due == 0) {
                sendMarkers(producer, markers.progress(), acks);
            } else {
                clock.sleepNanos(Math.min(wait, Math.min(due, tickWait)));
            }
        }
    }

    private static void sendMarkers(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> round,
                                    PublishAcks acks) {
        for (ProducerRecord<byte[], byte[]> r : round) {
            try {
                producer.send(r, acks.marker(r.partition()));
            } catch (KafkaException ex) {
                throw new PublishException("cannot send a progress marker to partition " + r.partition() + " of "
                        + r.topic() + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static EncodingPipeline.Encoded next(EncodingPipeline events, String topic) throws InterruptedException {
        try {
            return events.next();
        } catch (KafkaException e) {
            throw new PublishException("cannot serialize an event for " + topic + ": " + e.getMessage(), e);
        }
    }

    private record Sent(long events, long markers, long bytes, List<Long> perPartition, long elapsedNanos) {
    }
}
