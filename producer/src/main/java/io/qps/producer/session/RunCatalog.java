package io.qps.producer.session;

import io.qps.schemas.RunManifest;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Run manifests in the compacted topic {@link TopicNames#RUNS} (one partition, key {@code <session>/<run>}, value an
 * Avro {@link RunManifest} in the Confluent wire format). A run is recorded RUNNING when it starts and COMPLETE or
 * FAILED when it ends; the latest record of a key is the run's state.
 */
public final class RunCatalog {
    /** Run id of the live run. */
    public static final String LIVE = "live";
    /** Prefix of replay run ids. */
    public static final String REPLAY_PREFIX = "replay-";

    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers} and any security settings)
     * @param registry the schema registry
     * @param timeout bound on each broker round trip
     */
    public RunCatalog(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.registry = registry;
        this.timeout = timeout;
    }

    /** The record key of a run: {@code <session>/<run>}. */
    public static String key(SessionId session, String run) {
        return session.value() + "/" + run;
    }

    /** Creates {@code qps.runs} (compacted, 1 partition, replicated as {@code topics} says) unless it exists. */
    public void ensureTopic(Admin admin, TopicSettings topics) {
        NewTopic topic = topics.newTopic(TopicNames.RUNS, 1, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + TopicNames.RUNS + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + TopicNames.RUNS + " took longer than "
                    + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Writes {@code run} as its key's latest record and waits for the broker's acknowledgement. */
    public void record(RunManifest run) {
        String key = key(SessionId.of(run.getSessionId()), run.getRun());
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
        try (KafkaProducer<String, RunManifest> producer = new KafkaProducer<>(props, new StringSerializer(),
                new AvroSerializer<>(registry, true))) {
            producer.send(new ProducerRecord<>(TopicNames.RUNS, key, run)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record run " + key + " in " + TopicNames.RUNS + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Forgets a run: a tombstone for its key, so compaction drops its manifest. */
    public void forget(SessionId session, String run) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TopicNames.RUNS, key(session, run), null)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot forget run " + key(session, run) + " in " + TopicNames.RUNS + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The run's latest manifest, or empty if it was never recorded or the topic does not exist. */
    public Optional<RunManifest> find(SessionId session, String run) {
        return Optional.ofNullable(readAll().get(key(session, run)));
    }

    /** Every recorded run of the session, in run-id order ({@code live}, {@code replay-1}, {@code replay-10}, ...). */
    public List<RunManifest> runs(SessionId session) {
        String prefix = session.value() + "/";
        List<RunManifest> result = new ArrayList<>();
        for (Map.Entry<String, RunManifest> e : readAll().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                result.add(e.getValue());
            }
        }
        return result;
    }

    /**
     * The next replay run id of a session: {@code replay-N} with N one more than the highest recorded replay
     * (1 when none was recorded).
     */
    public static String nextReplay(List<RunManifest> runs) {
        int highest = 0;
        for (RunManifest r : runs) {
            String id = r.getRun();
            if (id.startsWith(REPLAY_PREFIX)) {
                try {
                    highest = Math.max(highest, Integer.parseInt(id.substring(REPLAY_PREFIX.length())));
                } catch (NumberFormatException e) {
                    continue;
                }
            }
        }
        return REPLAY_PREFIX + (highest + 1);
    }

    private Map<String, RunManifest> readAll() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, RunManifest> latest = new TreeMap<>();
        AvroDeserializer<RunManifest> values = new AvroDeserializer<>(RunManifest.class, registry);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            if (!consumer.listTopics(timeout).containsKey(TopicNames.RUNS)) {
                return latest;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TopicNames.RUNS, timeout)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 4;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + TopicNames.RUNS + " took longer than "
                            + timeout.multipliedBy(4).toMillis() + " ms");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), values.deserialize(r.topic(), r.offset(), r.value()));
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
