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
 * Reads a range of a ticks partition again: how a restored partition task gets back the ticks it had
 * ingested but not released when its state was last committed. The ticks topic is the session's log,
 * immutable and kept forever, so the range reads back exactly as it was first read.
 */
@FunctionalInterface
public interface TicksRefetch {
    /** Calls {@code sink} with (raw value, offset) for each record of {@code [first, last]}, in offset order. */
    void fetch(String topic, int partition, long first, long last, Map<String, Object> appConfigs,
               Sink sink);

    /** Receives a re-read record. */
    @FunctionalInterface
    interface Sink {
        void accept(long offset, byte[] value);
    }

    /** Reads with a plain consumer configured like the application's (bootstrap, security), read_committed. */
    TicksRefetch KAFKA = (topic, partition, first, last, appConfigs, sink) -> {
        Map<String, Object> config = new HashMap<>();
        for (Map.Entry<String, Object> e : appConfigs.entrySet()) {
            String k = e.getKey();
            if (k.equals(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) || k.startsWith("security.") || k.startsWith("sasl.")
                    || k.startsWith("ssl.")) {
                config.put(k, e.getValue());
            }
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, first);
            long next = first;
            while (next <= last) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read back " + topic + "-" + partition + " offsets "
                            + next + ".." + last + " within 2 minutes to restore the partition task");
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
    };
}
