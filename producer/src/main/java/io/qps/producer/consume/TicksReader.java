package io.qps.producer.consume;

import io.qps.schemas.MarketEvent;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a ticks topic from its beginning up to the end offsets it had when reading began, with
 * {@code isolation.level=read_committed} and no consumer group (partitions are assigned, nothing is committed).
 * Values are decoded by the project's {@link AvroDeserializer}. Every record reaches the handler, progress markers
 * included ({@link TickRecord#isProgress()}): a handler that wants market data only skips them. Records reach the
 * handler in the order the consumer
 * fetches them: offset order within a partition, partitions interleaved arbitrarily; a handler that needs an
 * order across partitions must make it (as {@link TicksCheck} does) with {@link #pause}/{@link #resume}.
 */
public final class TicksReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final AvroDeserializer<MarketEvent> values;
    private final String topic;
    private final Map<TopicPartition, Long> end;

    /**
     * @param kafkaProperties client properties
     * @param registry the schema registry
     * @param topic the ticks topic
     * @param timeout bound on metadata and offset calls
     * @throws IllegalStateException if the topic does not exist
     */
    public TicksReader(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, String topic,
                       Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        this.topic = topic;
        this.values = new AvroDeserializer<>(MarketEvent.class, registry);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            List<PartitionInfo> infos = consumer.listTopics(timeout).get(topic);
            if (infos == null) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            this.end = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
            end.putAll(consumer.endOffsets(partitions, timeout));
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
    }

    /** The topic's partition count. */
    public int partitions() {
        return end.size();
    }

    /** End offset of each partition when reading began, in partition order. */
    public long[] endOffsets() {
        return end.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** The total number of records up to the end offsets (including any below the log start). */
    public long endOffsetSum() {
        return end.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Feeds every record up to the end offsets to {@code handler} until it returns false.
     *
     * @param maxIdle give up when no record arrives for this long although some are still expected
     * @return records handled
     */
    public long read(Predicate<TickRecord> handler, Duration maxIdle) {
        long count = 0;
        long lastProgress = System.nanoTime();
        while (!done()) {
            boolean any = false;
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() >= end.get(tp)) {
                    continue;
                }
                any = true;
                count++;
                MarketEvent value = values.deserialize(topic, r.offset(), r.value());
                if (!handler.test(new TickRecord(r.partition(), r.offset(), r.timestamp(), r.key(), value))) {
                    return count;
                }
            }
            if (any) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > maxIdle.toNanos()) {
                throw new IllegalStateException("no records from " + topic + " for " + maxIdle.toSeconds()
                        + " s although its end offsets were not reached");
            }
        }
        return count;
    }

    /** Stops fetching {@code partitions} until {@link #resume}. */
    public void pause(Collection<Integer> partitions) {
        consumer.pause(partitions.stream().map(p -> new TopicPartition(topic, p)).toList());
    }

    /** Fetches {@code partitions} again. */
    public void resume(Collection<Integer> partitions) {
        consumer.resume(partitions.stream().map(p -> new TopicPartition(topic, p)).toList());
    }

    private boolean done() {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
