package io.qps.producer.session;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How every topic qps creates is replicated: the ticks topic, the catalogs ({@code qps.sessions}, {@code qps.runs}),
 * {@code qps.results}, each run's output and internal topics, and (through the Streams configuration) the
 * application's changelog and repartition topics. One value, taken from the CLI's cluster options, reaches every
 * place a topic is created, so a 3-broker cluster gets replication 3 everywhere or nowhere.
 *
 * <p>There is no retention setting on purpose: every topic qps creates is either compacted (catalogs, results,
 * schemas, changelogs) or keyed to event time (ticks, outputs, internal topics carry the dataset's timestamps, which
 * may lie years in the past), where {@code retention.ms} would delete a session's records at once. Those keep
 * infinite retention; {@code qps sessions delete} removes a session.
 *
 * @param replicationFactor replication factor, or {@link #BROKER_DEFAULT} for the broker's
 *     {@code default.replication.factor}
 * @param minInsyncReplicas {@code min.insync.replicas} of each topic, or empty for the broker's default; at most the
 *     replication factor, which must then be explicit
 */
public record TopicSettings(short replicationFactor, Optional<Integer> minInsyncReplicas) {
    /** A replication factor meaning "the broker's {@code default.replication.factor}". */
    public static final short BROKER_DEFAULT = -1;
    /** The broker's defaults for both values (on the single-node embedded broker: replication 1). */
    public static final TopicSettings DEFAULTS = new TopicSettings(BROKER_DEFAULT, Optional.empty());

    /** @throws IllegalArgumentException with a one-line reason naming the Kafka setting */
    public TopicSettings {
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT) {
            throw new IllegalArgumentException("replication.factor must be at least 1, was " + replicationFactor);
        }
        if (minInsyncReplicas.isPresent()) {
            int min = minInsyncReplicas.get();
            if (min < 1) {
                throw new IllegalArgumentException("min.insync.replicas must be at least 1, was " + min);
            }
            if (replicationFactor == BROKER_DEFAULT) {
                throw new IllegalArgumentException("min.insync.replicas " + min + " needs an explicit"
                        + " replication.factor of at least " + min);
            }
            if (min > replicationFactor) {
                throw new IllegalArgumentException("min.insync.replicas " + min + " exceeds replication.factor "
                        + replicationFactor + ": no acks=all write could ever succeed");
            }
        }
    }

    /** Explicit values: {@code minInsyncReplicas} null for the broker's default. */
    public static TopicSettings of(int replicationFactor, Integer minInsyncReplicas) {
        if (replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replication.factor must be at most " + Short.MAX_VALUE + ", was "
                    + replicationFactor);
        }
        return new TopicSettings((short) replicationFactor, Optional.ofNullable(minInsyncReplicas));
    }

    /**
     * A topic to create with these settings.
     *
     * @param configs the topic's own configuration (cleanup policy, retention); {@code min.insync.replicas} is added
     */
    public NewTopic newTopic(String name, int partitions, Map<String, String> configs) {
        Optional<Short> replication = replicationFactor == BROKER_DEFAULT ? Optional.empty()
                : Optional.of(replicationFactor);
        Map<String, String> all = new TreeMap<>(configs);
        minInsyncReplicas.ifPresent(min -> all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(min)));
        return new NewTopic(name, Optional.of(partitions), replication).configs(all);
    }

    /** For messages: {@code replication 3, min.insync.replicas 2} or {@code the broker's default replication}. */
    @Override
    public String toString() {
        String rf = replicationFactor == BROKER_DEFAULT ? "the broker's default replication"
                : "replication " + replicationFactor;
        return rf + minInsyncReplicas.map(m -> ", min.insync.replicas " + m).orElse("");
    }
}
