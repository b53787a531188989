package io.qps.producer.publish;

import io.qps.producer.session.SessionEntry;
import java.util.List;

/**
 * The outcome of a completed publish.
 *
 * @param entry the session's manifest entry as recorded (complete)
 * @param topic the ticks topic
 * @param events events published and acknowledged
 * @param markers progress markers published and acknowledged (every round writes one into each partition)
 * @param bytes serialized value bytes of all events (Confluent framing included, keys, markers and compression not)
 * @param eventsPerPartition acknowledged events of each partition, in partition order (markers not counted)
 * @param elapsedNanos wall time from the first send to the last acknowledgement (producer start-up and close excluded)
 */
public record PublishResult(SessionEntry entry, String topic, long events, long markers, long bytes,
                            List<Long> eventsPerPartition, long elapsedNanos) {
    /** Copies the list. */
    public PublishResult {
        eventsPerPartition = List.copyOf(eventsPerPartition);
    }

    /** The busiest partition's share of the events, in [0, 1] (0 when there are none). */
    public double maxPartitionShare() {
        long max = eventsPerPartition.stream().mapToLong(Long::longValue).max().orElse(0);
        return events > 0 ? (double) max / events : 0;
    }

    /** How instruments were assigned to partitions, as the manifest records it ({@code balanced} or {@code hash}). */
    public String assignment() {
        return entry.manifest().getAssignment();
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
