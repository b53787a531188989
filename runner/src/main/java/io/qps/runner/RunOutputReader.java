package io.qps.runner;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import io.qps.stream.topology.RunTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's output topics back with {@code read_committed}: every committed record, up to the end offsets taken
 * when reading starts (the run is closed by then), as core records or as counts.
 */
public final class RunOutputReader {
    private final Map<String, Object> kafka;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers}, security settings)
     * @param timeout bound on each metadata call; reading a topic may take up to 20 times as long
     */
    public RunOutputReader(Map<String, Object> kafkaProperties, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.timeout = timeout;
    }

    /** Committed records of each topic, in {@link OutputTopic} order. */
    public Map<OutputTopic, Long> counts(RunTopics topics) {
        Map<OutputTopic, Long> counts = new EnumMap<>(OutputTopic.class);
        List<String> names = OutputTopicsAdmin.names(topics);
        for (OutputTopic t : OutputTopic.values()) {
            long[] n = new long[1];
            scan(names.get(t.ordinal()), (topic, r) -> {
                n[0]++;
                return null;
            });
            counts.put(t, n[0]);
        }
        return counts;
    }

    /** Committed records of the run's dead-letter topic: ticks records quarantined as bad input. */
    public long quarantined(RunTopics topics) {
        long[] n = new long[1];
        scan(topics.dlq(), (topic, r) -> {
            n[0]++;
            return null;
        });
        return n[0];
    }

    /** The run's outputs as core records, per topic in offset order within each partition, partitions in order. */
    public Map<OutputTopic, List<OutputRecord>> read(RunTopics topics, SchemaRegistryClient registry) {
        AvroDeserializer<io.qps.schemas.OrderEvent> orders =
                new AvroDeserializer<>(io.qps.schemas.OrderEvent.class, registry);
        AvroDeserializer<ExecutionReport> fills = new AvroDeserializer<>(ExecutionReport.class, registry);
        AvroDeserializer<Position> positions = new AvroDeserializer<>(Position.class, registry);
        AvroDeserializer<io.qps.schemas.PnlSnapshot> pnl =
                new AvroDeserializer<>(io.qps.schemas.PnlSnapshot.class, registry);
        Map<OutputTopic, List<OutputRecord>> out = new EnumMap<>(OutputTopic.class);
        out.put(OutputTopic.ORDERS, scan(topics.orders(),
                (t, r) -> OutputMapping.toCore(orders.deserialize(t, r.offset(), r.value()))));
        out.put(OutputTopic.FILLS, scan(topics.fills(),
                (t, r) -> OutputMapping.toCore(fills.deserialize(t, r.offset(), r.value()))));
        out.put(OutputTopic.POSITIONS, scan(topics.positions(),
                (t, r) -> OutputMapping.toCore(positions.deserialize(t, r.offset(), r.value()))));
        out.put(OutputTopic.PNL, scan(topics.pnl(),
                (t, r) -> OutputMapping.toCore(pnl.deserialize(t, r.offset(), r.value()))));
        return out;
    }

    /** The run's canonical form. */
    public CanonicalForm canonical(RunTopics topics, SchemaRegistryClient registry) {
        return CanonicalForm.of(read(topics, registry));
    }

    private <T> List<T> scan(String topic, BiFunction<String, ConsumerRecord<byte[], byte[]>, T> map) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        List<T> result = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new RunException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            partitions.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            for (TopicPartition tp : partitions) {
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                long deadline = System.nanoTime() + timeout.toNanos() * 20;
                while (consumer.position(tp, timeout) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new RunException("reading " + tp + " took longer than "
                                + timeout.multipliedBy(20).toSeconds() + " s");
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        T v = map.apply(topic, r);
                        if (v != null) {
                            result.add(v);
                        }
                    }
                }
            }
        }
        return result;
    }
}
