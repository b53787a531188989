package io.qps.cli.command;

import io.qps.producer.session.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A tombstone for a session's key in the compacted results topic, so compaction drops its verdict. */
final class ResultsTombstone {
    private final Map<String, Object> kafka;
    private final Duration timeout;

    ResultsTombstone(Map<String, Object> kafkaProperties, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.timeout = timeout;
    }

    /** Writes the tombstone (call it only when the results topic exists). */
    void write(String session) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TopicNames.RESULTS, session, null)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the results tombstone of " + session + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
