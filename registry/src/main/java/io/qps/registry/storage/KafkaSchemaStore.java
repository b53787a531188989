package io.qps.registry.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

/**
 * The registry's log in a compacted single-partition Kafka topic. {@link #load()} reads the topic from the
 * beginning to its end offset at the time of the call; {@link #append} waits for the broker's acknowledgement
 * ({@code acks=all}, idempotent producer). Every broker call is bounded by {@link #TIMEOUT}, so an unreachable
 * cluster fails within seconds.
 */
public final class KafkaSchemaStore implements SchemaStore {
    /** The default topic, like Confluent's {@code _schemas}. */
    public static final String DEFAULT_TOPIC = "_qps_schemas";
    /** Upper bound of every broker call. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final Map<String, Object> extraConfig;
    private final short replicationFactor;
    private final int minInsyncReplicas;
    private final KafkaProducer<byte[], byte[]> producer;

    /**
     * Connects to {@code bootstrapServers} and creates {@code topic} (compacted, one partition, replicated on
     * min(3, brokers)) if missing.
     *
     * @param extraConfig client settings added to every client (e.g. security settings of a secured cluster)
     * @throws StoreException if the cluster cannot be reached within {@link #TIMEOUT}
     */
    public KafkaSchemaStore(String bootstrapServers, String topic, Map<String, Object> extraConfig) {
        this(bootstrapServers, topic, extraConfig, (short) 0, 0);
    }

    /**
     * Connects to {@code bootstrapServers} and creates {@code topic} (compacted, one partition) if missing.
     *
     * @param extraConfig client settings added to every client (e.g. security settings of a secured cluster)
     * @param replicationFactor the topic's replication factor, 0 for min(3, brokers)
     * @param minInsyncReplicas the topic's {@code min.insync.replicas}, 0 for the broker's default
     * @throws StoreException if the cluster cannot be reached within {@link #TIMEOUT}
     */
    public KafkaSchemaStore(String bootstrapServers, String topic, Map<String, Object> extraConfig,
                            short replicationFactor, int minInsyncReplicas) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.extraConfig = Map.copyOf(extraConfig);
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
        createTopicIfMissing();
        Properties p = common();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Properties common() {
        Properties p = new Properties();
        p.putAll(extraConfig);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "qps-registry");
        return p;
    }

    private void createTopicIfMissing() {
        Properties p = common();
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            Collection<?> nodes = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            short replicas = replicationFactor > 0 ? replicationFactor : (short) Math.min(3, nodes.size());
            Map<String, String> configs = new TreeMap<>();
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            if (minInsyncReplicas > 0) {
                configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
            }
            NewTopic newTopic = new NewTopic(topic, 1, replicas).configs(configs);
            try {
                admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("Kafka unreachable at " + bootstrapServers + ": cannot create or find topic "
                    + topic + " within " + TIMEOUT.toSeconds() + " s (" + cause(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while connecting to Kafka at " + bootstrapServers, e);
        }
    }

    @Override
    public List<StoreRecord> load() {
        Properties p = common();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        List<StoreRecord> entries = new ArrayList<>();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long position = consumer.position(partition, TIMEOUT);
            long lastProgress = System.nanoTime();
            while (position < end) {
                if (System.nanoTime() - lastProgress > TIMEOUT.toNanos()) {
                    throw new org.apache.kafka.common.errors.TimeoutException("stalled at offset " + position);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    StoreRecord entry = StoreRecordCodec.decode(r.key(), r.value());
                    if (entry != null) {
                        entries.add(entry);
                    }
                }
                long next = consumer.position(partition, TIMEOUT);
                if (next > position) {
                    position = next;
                    lastProgress = System.nanoTime();
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new StoreException("Kafka at " + bootstrapServers + ": cannot read topic " + topic + " to its end"
                    + " within " + TIMEOUT.toSeconds() + " s (" + cause(e) + ")", e);
        }
        return entries;
    }

    @Override
    public void append(StoreRecord entry) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, StoreRecordCodec.key(entry), StoreRecordCodec.value(entry)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new StoreException("cannot write to topic " + topic + " at " + bootstrapServers + ": " + cause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while writing to topic " + topic, e);
        }
    }

    @Override
    public String describe() {
        return "topic " + topic + " at " + bootstrapServers;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static String cause(Exception e) {
        Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof TimeoutException && c.getMessage() == null) {
            return "timed out";
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.replace('\n', ' ');
    }
}
