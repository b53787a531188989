package io.qps.stream.processor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Reads a range of a ticks partition again: how a partition task gets back the unreleased ticks it did not
 * keep decoded (its backlog past the memory limit, or, after a restore, everything it had ingested but not
 * released when its state was last committed). The ticks topic is the session's log, immutable and kept
 * forever, so a range reads back exactly as it was first read.
 */
public interface TicksRefetch extends AutoCloseable {
    /** Calls {@code sink} with (raw value, offset) for each record of {@code [first, last]}, in offset order. */
    void fetch(String topic, int partition, long first, long last, Map<String, Object> appConfigs,
               Sink sink);

    /** Releases what the reader holds (a consumer); it is not used after. */
    @Override
    default void close() {
    }

    /** Receives a re-read record. */
    @FunctionalInterface
    interface Sink {
        void accept(long offset, byte[] value);
    }

    /**
     * A reader for one task: a plain consumer configured like the application's (bootstrap, security),
     * {@code read_committed}, made on the first read and kept for the next ones until {@link #close()}.
     */
    static TicksRefetch kafka() {
        return new KafkaTicksRefetch();
    }

    /** See {@link #kafka()}. */
    final class KafkaTicksRefetch implements TicksRefetch {
        /** How long one read may wait for the broker before the task fails (and Streams restarts it). */
        private static final Duration LIMIT = Duration.ofMinutes(2);
        private KafkaConsumer<byte[], byte[]> consumer;

        private KafkaTicksRefetch() {
        }

        @Override
        public void fetch(String topic, int partition, long first, long last, Map<String, Object> appConfigs,
                          Sink sink) {
            if (consumer == null) {
                consumer = new KafkaConsumer<>(config(appConfigs), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
            }
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, first);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            long next = first;
            while (next <= last) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read back " + topic + "-" + partition + " offsets "
                            + next + ".." + last + " within " + LIMIT.toMinutes() + " minutes");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500)).records(tp)) {
                    if (r.offset() > last) {
                        break;
                    }
                    sink.accept(r.offset(), r.value());
                    next = r.offset() + 1;
                }
                next = Math.max(next, consumer.position(tp));
            }
        }

        private static Map<String, Object> config(Map<String, Object> appConfigs) {
            Map<String, Object> config = new HashMap<>();
            for (Map.Entry<String, Object> e : appConfigs.entrySet()) {
                String k = e.getKey();
                if (k.equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) || k.startsWith("security.")
                        || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                    config.put(k, e.getValue());
                }
            }
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
            return config;
        }

        @Override
        public void close() {
            if (consumer != null) {
                consumer.close();
                consumer = null;
            }
        }
    }
}
