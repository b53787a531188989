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
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
        if (!TopicScan.scan(kafka, timeout, topic, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES), each)) {
            throw new VerifyException("topic " + topic + " of run " + run + " does not exist");
        }
    }
}
