package io.qps.producer.publish;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer settings of a publish, shared with the benchmark so both measure the same thing: idempotent,
 * {@code acks=all}, large batches with a short linger and lz4 compression.
 */
public final class ProducerSettings {
    private ProducerSettings() {
    }

    /** Idempotence, acks, batching and compression, sorted by key. */
    public static Map<String, Object> defaults() {
        Map<String, Object> p = new TreeMap<>();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "67108864");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }

    /** {@code base} (bootstrap and security settings), then {@link #defaults()}, then {@code overrides}. */
    public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> p = new TreeMap<>(base);
        p.putAll(defaults());
        p.putAll(overrides);
        return p;
    }
}
