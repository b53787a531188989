package io.qps.verify;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A run read back from its four output topics with {@code read_committed}, one record at a time: each topic from its
 * beginning up to the end offsets taken when reading it starts (the run is complete by then), all partitions at
 * once, in whatever order they arrive (the verifier sorts). Fetches are capped so the consumer's buffers stay small.
 */
final class TopicRunSource implements RunSource {
    private static final int FETCH_MAX_BYTES = 8 * 1024 * 1024;

    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final Duration timeout;
    private final String run;
    private final RunTopics topics;

    /** @param timeout bound on each metadata call; reading a topic may take up to 20 times as long */
    TopicRunSource(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout, String run,
                   RunTopics topics) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.registry = registry;
        this.timeout = timeout;
        this.run = run;
        this.topics = topics;
    }

    @Override
    public String run() {
        return run;
    }

    @Override
    public void forEach(BiConsumer<OutputTopic, OutputRecord> sink) {
        for (OutputTopic t : OutputTopic.values()) {
            Function<ConsumerRecord<byte[], byte[]>, OutputRecord> decode = decoder(t);
            scan(name(t), r -> sink.accept(t, decode.apply(r)));
        }
    }

    private String name(OutputTopic t) {
        return switch (t) {
            case ORDERS -> topics.orders();
            case FILLS -> topics.fills();
            case POSITIONS -> topics.positions();
            case PNL -> topics.pnl();
        };
    }

    private Function<ConsumerRecord<byte[], byte[]>, OutputRecord> decoder(OutputTopic t) {
        return switch (t) {
            case ORDERS -> {
                var d = new AvroDeserializer<>(io.qps.schemas.OrderEvent.class, registry);
                yield r -> OutputMapping.toCore(d.deserialize(r.topic(), r.offset(), r.value()));
            }
            case FILLS -> {
                var d = new AvroDeserializer<>(ExecutionReport.class, registry);
                yield r -> OutputMapping.toCore(d.deserialize(r.topic(), r.offset(), r.value()));
            }
            case POSITIONS -> {
                var d = new AvroDeserializer<>(Position.class, registry);
                yield r -> OutputMapping.toCore(d.deserialize(r.topic(), r.offset(), r.value()));
            }
            case PNL -> {
                var d = new AvroDeserializer<>(io.qps.schemas.PnlSnapshot.class, registry);
                yield r -> OutputMapping.toCore(d.deserialize(r.topic(), r.offset(), r.value()));
            }
        };
    }

    private void scan(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new VerifyException("topic " + topic + " of run " + run + " does not exist");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 20;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new VerifyException("reading " + topic + " took longer than "
                            + timeout.multipliedBy(20).toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                    }
                }
            }
        }
    }

    private boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
