package io.qps.runner;

import io.qps.producer.publish.TopicAdmin;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Says where a run that stopped making progress is stuck: whether the broker answers, the application's state, each
 * stream thread's state and task count, and the consumer group's lag on each input topic (the ticks topic and the
 * internal repartition topics; the one with lag left is the stage that stopped consuming).
 */
final class StallReport {
    private StallReport() {
    }

    /** Why Kafka at {@code bootstrap} does not answer within {@code timeoutMillis}, or null when it does. */
    static String unreachable(TopicAdmin topics, String bootstrap, long timeoutMillis) {
        try {
            topics.admin().describeCluster().clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "Kafka at " + bootstrap + " does not answer (" + rootMessage(e) + ")";
        }
    }

    /** One line (possibly long) describing the stuck stage. */
    static String describe(KafkaStreams streams, TopicAdmin topics, String applicationId, String bootstrap,
                           long timeoutMillis) {
        StringBuilder sb = new StringBuilder();
        Admin admin = topics.admin();
        try {
            admin.describeCluster().clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return "Kafka at " + bootstrap + " does not answer (" + rootMessage(e) + "); is the broker up? the"
                    + " application was in state " + streams.state();
        }
        sb.append("application state ").append(streams.state());
        for (ThreadMetadata t : streams.metadataForLocalThreads()) {
            sb.append("; thread ").append(shortName(t.threadName())).append(' ').append(t.threadState())
                    .append(" (").append(t.activeTasks().size()).append(" active tasks)");
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            committed.keySet().forEach(tp -> specs.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(specs).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
            Map<String, Long> lag = new TreeMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                long end = ends.get(e.getKey()).offset();
                long at = e.getValue() == null ? 0 : e.getValue().offset();
                lag.merge(e.getKey().topic(), Math.max(0, end - at), Long::sum);
            }
            sb.append("; committed lag per input topic ").append(lag.isEmpty() ? "(no commits yet)" : lag);
        } catch (Exception e) {
            sb.append("; consumer group lag unknown: ").append(rootMessage(e));
        }
        return sb.toString();
    }

    /**
     * The sum of the application's committed offsets over all its input partitions (ticks and internal topics), or
     * -1 if the group cannot be read: it grows while any stage consumes, even when the released seq stays put
     * because a downstream gate is still waiting on a backlog.
     */
    static long committedSum(TopicAdmin topics, String applicationId, long timeoutMillis) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = topics.admin().listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS);
            long sum = 0;
            for (OffsetAndMetadata o : committed.values()) {
                sum += o == null ? 0 : o.offset();
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String shortName(String thread) {
        int i = thread.lastIndexOf("-StreamThread-");
        return i < 0 ? thread : thread.substring(i + 1);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof io.qps.stream.processor.BadRecordException) {
            return t.getMessage();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
