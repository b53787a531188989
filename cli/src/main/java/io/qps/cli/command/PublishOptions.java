package io.qps.cli.command;

import io.qps.core.engine.EngineConfig;
import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.session.AssignmentMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --assignment}, {@code --progress-every}, {@code --progress-ms}, {@code --engine-config}: how publish spreads
 * instruments over the ticks partitions, how often it writes progress markers, and the engine configuration it
 * records in the session's manifest (shared by {@code publish} and {@code live}).
 */
public final class PublishOptions {
    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Strategy and execution parameters, recorded in the session's manifest (canonical text and"
                    + " sha256): live, replay and verify all run them (default: the built-in defaults, which"
                    + " config/engine.properties lists).")
    private Path engineConfig;

    @Option(names = "--assignment", paramLabel = "balanced|hash", defaultValue = "balanced",
            description = "How instruments are assigned to partitions, recorded in the manifest: balanced (by the"
                    + " dataset's event counts, the pair's legs together) or hash (murmur2 of the symbol, Kafka's"
                    + " default) (default: ${DEFAULT-VALUE}).")
    private String assignment;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "" + MarkerPolicy.DEFAULT_EVERY_EVENTS,
            description = "Write a progress marker into every partition after every N events (default:"
                    + " ${DEFAULT-VALUE}).")
    private long progressEvery;

    @Option(names = "--progress-ms", paramLabel = "MS", defaultValue = "" + MarkerPolicy.DEFAULT_EVERY_MILLIS,
            description = "When paced (--speed not max), also write progress markers once MS wall milliseconds have"
                    + " passed since the last ones and an event was sent (default: ${DEFAULT-VALUE}).")
    private long progressMillis;

    /**
     * @return the assignment
     * @throws IllegalArgumentException if it is not balanced or hash
     */
    AssignmentMode assignment() {
        return AssignmentMode.parse(assignment);
    }

    /** @return {@code --assignment} as given */
    String assignmentText() {
        return assignment;
    }

    /** The {@code --engine-config} file, or null. */
    Path engineConfigFile() {
        return engineConfig;
    }

    /** The engine configuration to record: the file's, or the defaults without {@code --engine-config}. */
    EngineConfig engineConfig() {
        return LocalInputs.engineConfig(engineConfig);
    }

    /**
     * @return the marker settings
     * @throws IllegalArgumentException if a value is below 1
     */
    MarkerPolicy markers() {
        return new MarkerPolicy(progressEvery, progressMillis);
    }
}
