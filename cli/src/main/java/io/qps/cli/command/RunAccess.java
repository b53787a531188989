package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.engine.OutputTopic;
import io.qps.producer.session.TopicNames;
import io.qps.runner.RunOutcome;
import io.qps.runner.RunnerSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** What {@code live} and {@code replay} share: runner settings from the CLI's options, the run summary. */
final class RunAccess {
    private RunAccess() {
    }

    /** Runner settings for the resolved cluster, the data folder and a stall timeout in seconds. */
    static RunnerSettings settings(ClusterSettings cluster, Path dataDir, int stallSeconds) {
        stallSeconds(stallSeconds);
        return RunnerSettings.singleNode(cluster.kafkaClientProperties(), cluster.registryUrl(), dataDir)
                .withRegistry(cluster.registryClientProperties())
                .withTopics(cluster.topics())
                .withStallTimeout(Duration.ofSeconds(stallSeconds));
    }

    /** {@code --stall-timeout} in seconds, at least 5, else a usage error. */
    static int stallSeconds(int seconds) {
        if (seconds < 5) {
            throw new CliException(CliException.USAGE, "--stall-timeout must be at least 5 seconds, was " + seconds);
        }
        return seconds;
    }

    /** {@code --broker-window} in seconds, at least 5, else a usage error. */
    static Duration brokerWindow(int seconds) {
        if (seconds < 5) {
            throw new CliException(CliException.USAGE, "--broker-window must be at least 5 seconds, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** {@code threads} if within 1..64, else a usage error. */
    static int threads(int threads) {
        if (threads < 1 || threads > 64) {
            throw new CliException(CliException.USAGE, "--threads must be within 1..64, was " + threads);
        }
        return threads;
    }

    /** Prints the run's summary: run id, events, records per output topic, wall time, notes. */
    static void summary(PrintWriter out, RunOutcome r) {
        var m = r.manifest();
        out.println(String.format(Locale.ROOT, "run %s of session %s: %s, %,d events, %d partitions, %d threads,"
                + " %.1f s", m.getRun(), m.getSessionId(), m.getStatus(), m.getEvents(), m.getPartitions(),
                m.getThreads(), r.elapsedNanos() / 1e9));
        var session = io.qps.producer.session.SessionId.of(m.getSessionId());
        for (Map.Entry<OutputTopic, Long> e : r.records().entrySet()) {
            String topic = TopicNames.PREFIX + session.value() + "." + m.getRun() + "." + e.getKey().suffix();
            out.println(String.format(Locale.ROOT, "  %-10s %-45s %,12d records", e.getKey().suffix(), topic,
                    e.getValue()));
        }
        for (String w : r.warnings()) {
            out.println("note: " + w);
        }
    }
}
