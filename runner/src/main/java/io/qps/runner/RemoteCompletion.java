package io.qps.runner;

import io.qps.producer.publish.TopicAdmin;
import io.qps.stream.codec.BoundaryMessages;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells that a run is complete when the portfolio task runs in another instance (a worker), so its store cannot be
 * queried here: every partition task has sent its END share to the partials topic, and the application's consumer
 * group has committed its position past all of them (the portfolio task has taken them in, exactly once).
 */
final class RemoteCompletion implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partials;
    private final int partitions;
    private final String applicationId;
    private final BitSet ended = new BitSet();
    private final long timeoutMillis;

    RemoteCompletion(Map<String, Object> kafka, String partialsTopic, int partitions, String applicationId,
                     long timeoutMillis) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partials = new TopicPartition(partialsTopic, 0);
        this.partitions = partitions;
        this.applicationId = applicationId;
        this.timeoutMillis = timeoutMillis;
        consumer.assign(List.of(partials));
        consumer.seekToBeginning(List.of(partials));
    }

    /** Whether the run is complete, as far as the committed topics show. */
    boolean complete(TopicAdmin admin) throws Exception {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(partials)) {
            BoundaryMessages.Partial p = BoundaryMessages.decodePartial(r.value());
            if (p.boundary() == BoundaryMessages.END) {
                ended.set(p.from());
            }
        }
        if (ended.cardinality() < partitions) {
            return false;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.admin().listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
        ListOffsetsResult.ListOffsetsResultInfo end = admin.admin().listOffsets(Map.of(partials, OffsetSpec.latest()),
                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partials).get(timeoutMillis, TimeUnit.MILLISECONDS);
        OffsetAndMetadata at = committed.get(partials);
        return at != null && at.offset() >= end.offset();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
