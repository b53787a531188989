package io.qps.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** End offsets of topics (with their ids, so that a recreated topic is told apart) and committed-record counts. */
final class TopicCounts {
    /**
     * One topic's end offsets at one moment.
     *
     * @param id the topic's id (a topic deleted and recreated has a new one)
     * @param ends end offset of each partition, transaction markers included
     */
    record Ends(Uuid id, List<Long> ends) {
        long sum() {
            return ends.stream().mapToLong(Long::longValue).sum();
        }

        /** How far this grew since {@code before} (null, or another topic of the same name: from 0). */
        long since(Ends before) {
            return before == null || !before.id.equals(id) ? sum() : sum() - before.sum();
        }
    }

    private TopicCounts() {
    }

    /** The end offsets of each of {@code topics} that exists. */
    static Map<String, Ends> ends(Admin admin, Collection<String> topics, Duration timeout) {
        Map<String, Ends> out = new TreeMap<>();
        if (topics.isEmpty()) {
            return out;
        }
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> wanted = new ArrayList<>(new TreeSet<>(topics));
            wanted.retainAll(existing);
            if (wanted.isEmpty()) {
                return out;
            }
            Map<String, TopicDescription> described = admin.describeTopics(wanted).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.forEach((name, d) -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            var offsets = admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            described.forEach((name, d) -> {
                List<Long> ends = new ArrayList<>();
                for (int p = 0; p < d.partitions().size(); p++) {
                    ends.add(offsets.get(new TopicPartition(name, p)).offset());
                }
                out.put(name, new Ends(d.topicId(), ends));
            });
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return ends(admin, topics, timeout);
            }
            throw new IllegalStateException("cannot read the end offsets of " + topics + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("reading the end offsets of " + topics + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Counts the committed data records of each topic by reading it to its end with a {@code read_committed}
     * consumer (transaction markers and aborted records are not counted).
     */
    static Map<String, Long> committedRecords(Map<String, Object> kafka, Collection<String> topics,
                                              Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "qps-bench-count");
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                counts.put(t, 0L);
                consumer.partitionsFor(t, timeout).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos() * 30;
            while (!reached(consumer, ends)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("counting the records of " + topics + " took longer than "
                            + timeout.multipliedBy(30).toSeconds() + " s");
                }
            }
        }
        return counts;
    }

    /** Whether the consumer's position is at or past {@code ends} in every partition. */
    static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
