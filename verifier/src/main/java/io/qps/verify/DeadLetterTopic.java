package io.qps.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a run's dead-letter topic with {@code read_committed}, from the beginning up to the end offsets taken when
 * reading starts (the run is complete by then), into its {@link DeadLetters} canonical form. The headers are the
 * streaming application's ({@code qps.dlq.topic}, {@code .partition}, {@code .offset}, {@code .reason}); a record
 * without them keeps its place in the comparison with topic {@code ?}, partition and offset -1 and its reason saying
 * so.
 */
final class DeadLetterTopic {
    static final String HEADER_TOPIC = "qps.dlq.topic";
    static final String HEADER_PARTITION = "qps.dlq.partition";
    static final String HEADER_OFFSET = "qps.dlq.offset";
    static final String HEADER_REASON = "qps.dlq.reason";

    private DeadLetterTopic() {
    }

    /**
     * The canonical form of {@code topic}, run {@code run}; a topic that does not exist (a run made before dead-letter
     * topics) is an empty one.
     */
    static DeadLetters read(Map<String, Object> kafka, Duration timeout, String run, String topic, int cap) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a run from before dead-letter topics has none: reading must not create it
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        DeadLetters.Builder letters = new DeadLetters.Builder(run, topic, cap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return letters.build();
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 20;
            while (!reached(consumer, end, timeout)) {
                if (System.nanoTime() > deadline) {
                    throw new VerifyException("reading " + topic + " took longer than "
                            + timeout.multipliedBy(20).toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        letters.add(entry(r));
                    }
                }
            }
        }
        return letters.build();
    }

    /** The canonical entry of one dead-letter record. */
    static DeadLetters.Entry entry(ConsumerRecord<byte[], byte[]> r) {
        String topic = header(r, HEADER_TOPIC);
        String partition = header(r, HEADER_PARTITION);
        String offset = header(r, HEADER_OFFSET);
        String reason = header(r, HEADER_REASON);
        if (topic == null || partition == null || offset == null || reason == null) {
            return DeadLetters.Entry.of("?", -1, -1, "record " + r.offset() + " of " + r.topic() + " has no qps.dlq.*"
                    + " headers", r.value());
        }
        try {
            return DeadLetters.Entry.of(topic, Integer.parseInt(partition), Long.parseLong(offset), reason, r.value());
        } catch (NumberFormatException e) {
            return DeadLetters.Entry.of(topic, -1, -1, "record " + r.offset() + " of " + r.topic() + " has coordinates"
                    + " that are not numbers: partition '" + partition + "', offset '" + offset + "'", r.value());
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                                   Duration timeout) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
