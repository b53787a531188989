package io.qps.producer.publish;

import io.qps.core.engine.EngineConfig;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What to publish and how.
 *
 * @param session the session; its ticks topic is {@code qps.<session>.ticks}
 * @param dataset the dataset file
 * @param partitions partition count of the ticks topic (1..10,000; default {@link #DEFAULT_PARTITIONS})
 * @param topics replication of the ticks topic and the session catalog
 * @param speed pacing in event time
 * @param force delete and recreate the ticks topic and replace the manifest if the session exists
 * @param version the qps version recorded in the manifest
 * @param producerOverrides producer settings that replace {@link ProducerSettings#defaults()} (e.g. compression)
 * @param encoding how values are encoded (same bytes either way)
 * @param assignment how instruments are assigned to partitions (recorded in the manifest)
 * @param markers when progress markers are written between the events
 * @param engineConfig the strategies' and execution's parameters, recorded in the manifest: every run of the session
 *     (live, replay) and its verification use them
 */
public record PublishRequest(SessionId session, Path dataset, int partitions, TopicSettings topics, Speed speed,
                             boolean force, String version, Map<String, Object> producerOverrides,
                             ValueEncoding encoding, AssignmentMode assignment, MarkerPolicy markers,
                             EngineConfig engineConfig) {
    /** Default partition count. */
    public static final int DEFAULT_PARTITIONS = 6;

    /** Validates the values. */
    public PublishRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(markers, "markers");
        Objects.requireNonNull(engineConfig, "engineConfig");
        producerOverrides = Map.copyOf(producerOverrides);
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("partitions must be within 1..10000, was " + partitions);
        }
    }

    /**
     * A request with the broker's default replication, no overrides, the build's version, direct encoding, the balanced assignment,
     * the default markers and the engine configuration {@code engine}.
     */
    public static PublishRequest of(SessionId session, Path dataset, int partitions, Speed speed, boolean force,
                                    EngineConfig engine) {
        return new PublishRequest(session, dataset, partitions, TopicSettings.DEFAULTS, speed, force, QpsVersion.get(), Map.of(),
                ValueEncoding.DIRECT, AssignmentMode.BALANCED, MarkerPolicy.DEFAULTS, engine);
    }

    /** The same request with another assignment. */
    public PublishRequest withAssignment(AssignmentMode mode) {
        return new PublishRequest(session, dataset, partitions, topics, speed, force, version, producerOverrides,
                encoding, mode, markers, engineConfig);
    }

    /** The same request with other marker settings. */
    public PublishRequest withMarkers(MarkerPolicy policy) {
        return new PublishRequest(session, dataset, partitions, topics, speed, force, version, producerOverrides,
                encoding, assignment, policy, engineConfig);
    }
}
