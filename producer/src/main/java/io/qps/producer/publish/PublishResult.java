package io.qps.producer.publish;

import io.qps.producer.session.SessionEntry;
import java.util.List;

/**
 * The outcome of a completed publish.
 *
 * @param entry the session's manifest entry as recorded (complete)
 * @param topic the ticks topic
 * @param events events published and acknowledged
 * @param bytes serialized value bytes of all events (Confluent framing included, keys and compression not)
 * @param eventsPerPartition acknowledged events of each partition, in partition order
 * @param elapsedNanos wall time from the first send to the last acknowledgement (producer start-up and close excluded)
 */
public record PublishResult(SessionEntry entry, String topic, long events, long bytes,
                            List<Long> eventsPerPartition, long elapsedNanos) {
    /** Copies the list. */
    public PublishResult {
        eventsPerPartition = List.copyOf(eventsPerPartition);
    }

    /** Events per wall second. */
    public double eventsPerSecond() {
        return elapsedNanos > 0 ? events * 1e9 / elapsedNanos : 0;
    }

    /** Serialized megabytes (2^20 bytes) per wall second. */
    public double megabytesPerSecond() {
        return elapsedNanos > 0 ? bytes * 1e9 / elapsedNanos / (1024.0 * 1024.0) : 0;
    }
}
