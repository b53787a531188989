package io.qps.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

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
        DeadLetters.Builder letters = new DeadLetters.Builder(run, topic, cap);
        // a run from before dead-letter topics has none: reading must not create it
        TopicScan.scan(kafka, timeout, topic, Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1_000, ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024),
                r -> letters.add(entry(r)));
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
}
