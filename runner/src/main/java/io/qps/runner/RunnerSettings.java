package io.qps.runner;

import io.qps.producer.session.TopicSettings;
import io.qps.stream.topology.BadRecordPolicy;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where and how runs execute, independent of any one session.
 *
 * @param kafka client properties: {@code bootstrap.servers} and any security settings
 * @param registry the schema registry client's configuration ({@link AvroSerdeConfig} keys: its URL, and any
 *     credentials and TLS settings), which the topology's serdes are configured with
 * @param dataDir the project data folder; Streams state lives under {@code <dataDir>/streams}
 * @param topics replication of the catalogs, the output and internal topics and the Streams application's own
 *     changelog and repartition topics
 * @param timeout bound on each admin call or broker round trip
 * @param stallTimeout how long a run may make no progress (released seq unchanged) before it is stopped and the
 *     stuck stage reported
 * @param progressInterval how often progress is logged while waiting
 * @param badRecords what a run does with a ticks record that is not a valid event
 * @param brokerWindow how long a run waits, saying so, for a broker that stopped answering before it fails
 */
public record RunnerSettings(Map<String, Object> kafka, Map<String, Object> registry, Path dataDir,
                             TopicSettings topics, Duration timeout, Duration stallTimeout, Duration progressInterval,
                             BadRecordPolicy badRecords, Duration brokerWindow) {
    /** Default bound on an admin call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default time a run waits for a broker that went away before it fails. */
    public static final Duration DEFAULT_BROKER_WINDOW = Duration.ofMinutes(2);
    /** Default stall timeout. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(90);

    /** Validates and copies. */
    public RunnerSettings {
        kafka = Map.copyOf(kafka);
        registry = Map.copyOf(registry);
        Objects.requireNonNull(registry.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL), "registry URL");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(badRecords, "badRecords");
        Objects.requireNonNull(brokerWindow, "brokerWindow");
    }

    /**
     * Settings for the registry at {@code registryUrl} (no credentials), the broker's default replication, default
     * timeouts, progress every 5 s.
     */
    public static RunnerSettings singleNode(Map<String, Object> kafka, String registryUrl, Path dataDir) {
        return new RunnerSettings(kafka, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), dataDir,
                TopicSettings.DEFAULTS, DEFAULT_TIMEOUT, DEFAULT_STALL, Duration.ofSeconds(5), BadRecordPolicy.QUARANTINE,
                DEFAULT_BROKER_WINDOW);
    }

    /** The same settings with another stall timeout. */
    public RunnerSettings withStallTimeout(Duration stall) {
        return new RunnerSettings(kafka, registry, dataDir, topics, timeout, stall, progressInterval, badRecords,
                brokerWindow);
    }

    /** The same settings with other topic settings. */
    public RunnerSettings withTopics(TopicSettings other) {
        return new RunnerSettings(kafka, registry, dataDir, other, timeout, stallTimeout, progressInterval, badRecords,
                brokerWindow);
    }

    /**
     * The same settings with another registry client configuration.
     *
     * @param config {@link AvroSerdeConfig} keys, {@code schema.registry.url} among them
     */
    public RunnerSettings withRegistry(Map<String, ?> config) {
        return new RunnerSettings(kafka, new TreeMap<String, Object>(config), dataDir, topics, timeout, stallTimeout,
                progressInterval, badRecords, brokerWindow);
    }

    /** These settings with another policy for bad ticks records. */
    public RunnerSettings withBadRecords(BadRecordPolicy policy) {
        return new RunnerSettings(kafka, registry, dataDir, topics, timeout, stallTimeout, progressInterval, policy,
                brokerWindow);
    }

    /** These settings with another window for a broker that went away. */
    public RunnerSettings withBrokerWindow(Duration window) {
        return new RunnerSettings(kafka, registry, dataDir, topics, timeout, stallTimeout, progressInterval,
                badRecords, window);
    }

    /** The schema registry's URL. */
    public String registryUrl() {
        return String.valueOf(registry.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL));
    }

    /** The folder holding every application's Streams state. */
    public Path stateDir() {
        return dataDir.resolve("streams");
    }

    /** The bootstrap servers, for messages. */
    public String bootstrap() {
        return String.valueOf(kafka.get("bootstrap.servers"));
    }
}
