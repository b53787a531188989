package io.qps.stream.app;

import io.qps.stream.topology.BadRecordPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how runs execute, independent of any one session.
 *
 * @param kafka client properties: {@code bootstrap.servers} and any security settings
 * @param badRecords what a run does with a ticks record that is not a valid event
 * @param brokerWindow how long a run waits, saying so, for a broker that stopped answering before it fails
 * @param registryUrl the schema registry's URL
 * @param dataDir the project data folder; Streams state lives under {@code <dataDir>/streams}
 * @param replication replication factor of the output and internal topics (1 on the single-node default)
 * @param timeout bound on each admin call or broker round trip
 * @param stallTimeout how long a run may make no progress (released seq unchanged) before it is stopped and the
 *     stuck stage reported
 * @param progressInterval how often progress is logged while waiting
 */
public record RunnerSettings(Map<String, Object> kafka, String registryUrl, Path dataDir, short replication,
                             Duration timeout, Duration stallTimeout, Duration progressInterval,
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
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(badRecords, "badRecords");
        Objects.requireNonNull(brokerWindow, "brokerWindow");
        if (replication < 1) {
            throw new IllegalArgumentException("replication must be at least 1, was " + replication);
        }
    }

    /** Settings for a single-node cluster: replication 1, default timeouts, progress every 5 s. */
    public static RunnerSettings singleNode(Map<String, Object> kafka, String registryUrl, Path dataDir) {
        return new RunnerSettings(kafka, registryUrl, dataDir, (short) 1, DEFAULT_TIMEOUT, DEFAULT_STALL,
                Duration.ofSeconds(5), BadRecordPolicy.QUARANTINE, DEFAULT_BROKER_WINDOW);
    }

    /** The same settings with another stall timeout. */
    public RunnerSettings withStallTimeout(Duration stall) {
        return new RunnerSettings(kafka, registryUrl, dataDir, replication, timeout, stall, progressInterval,
                badRecords, brokerWindow);
    }

    /** These settings with another policy for bad ticks records. */
    public RunnerSettings withBadRecords(BadRecordPolicy policy) {
        return new RunnerSettings(kafka, registryUrl, dataDir, replication, timeout, stallTimeout, progressInterval,
                policy, brokerWindow);
    }

    /** These settings with another window for a broker that went away. */
    public RunnerSettings withBrokerWindow(Duration window) {
        return new RunnerSettings(kafka, registryUrl, dataDir, replication, timeout, stallTimeout, progressInterval,
                badRecords, window);
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
