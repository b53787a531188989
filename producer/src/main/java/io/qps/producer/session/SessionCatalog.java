package io.qps.producer.session;

import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import io.qps.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Session manifests in the compacted topic {@link TopicNames#SESSIONS} (one partition, keyed by session id, value an
 * Avro {@link SessionManifest} in the Confluent wire format, header {@link SessionEntry#STATUS_HEADER}; a null value
 * forgets a session). The latest record of a key is the session's entry.
 */
public final class SessionCatalog {
    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers} and any security settings)
     * @param registry the schema registry
     * @param timeout bound on each broker round trip
     */
    public SessionCatalog(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.registry = registry;
        this.timeout = timeout;
    }

    /** Creates {@code qps.sessions} (compacted, 1 partition, replicated as {@code topics} says) unless it exists. */
    public void ensureTopic(Admin admin, TopicSettings topics) {
        NewTopic topic = topics.newTopic(TopicNames.SESSIONS, 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + TopicNames.SESSIONS + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + TopicNames.SESSIONS + " took longer than "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Writes {@code entry} as the session's latest record and waits for the broker's acknowledgement. */
    public void record(SessionEntry entry) {
        send(new ProducerRecord<>(TopicNames.SESSIONS, null, entry.manifest().getSessionId(), entry.manifest(),
                entry.headers()));
    }

    /** Forgets a session (a tombstone for its key). */
    public void forget(SessionId session) {
        send(new ProducerRecord<>(TopicNames.SESSIONS, session.value(), null));
    }

    /** The session's latest entry, or empty if it was never recorded, was forgotten, or the topic does not exist. */
    public Optional<SessionEntry> find(SessionId session) {
        return Optional.ofNullable(readAll().get(session.value()));
    }

    /** Every recorded session, by id. */
    public Map<String, SessionEntry> all() {
        return readAll();
    }

    private void send(ProducerRecord<String, SessionManifest> record) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
        try (KafkaProducer<String, SessionManifest> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerializer<>(registry, true))) {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the manifest of session " + record.key() + " to "
                    + TopicNames.SESSIONS + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<String, SessionEntry> readAll() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, SessionEntry> latest = new TreeMap<>();
        AvroDeserializer<SessionManifest> values = new AvroDeserializer<>(SessionManifest.class, registry);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            if (!consumer.listTopics(timeout).containsKey(TopicNames.SESSIONS)) {
                return latest;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TopicNames.SESSIONS, timeout)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 4;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + TopicNames.SESSIONS + " took longer than "
                            + timeout.multipliedBy(4).toMillis() + " ms");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        SessionManifest m = values.deserialize(r.topic(), r.offset(), r.value());
                        latest.put(r.key(), SessionEntry.of(m, r.headers()));
                    }
                }
            }
        }
        return latest;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
