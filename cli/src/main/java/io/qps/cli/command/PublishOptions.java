package io.qps.cli.command;

import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.session.AssignmentMode;
import picocli.CommandLine.Option;

/**
 * {@code --assignment}, {@code --progress-every}, {@code --progress-ms}: how publish spreads instruments over the
 * ticks partitions and how often it writes progress markers (shared by {@code publish} and {@code live}).
 */
public final class PublishOptions {
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

    /**
     * @return the marker settings
     * @throws IllegalArgumentException if a value is below 1
     */
    MarkerPolicy markers() {
        return new MarkerPolicy(progressEvery, progressMillis);
    }
}
