package io.qps.cli.command;

import io.qps.cli.ClusterSettings;
import io.qps.runner.RunnerSettings;
import io.qps.stream.topology.BadRecordPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of a run (live, replay): how long it may stall, what it does with bad records and a lost broker. */
final class RunOptions {
    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "90",
            description = "Stop and report the stuck stage after this long without progress (default: ${DEFAULT-VALUE}).")
    private int stallSeconds;

    @Option(names = "--on-bad-record", paramLabel = "POLICY", defaultValue = "quarantine",
            converter = BadRecordOption.class,
            description = "What a ticks record that is not a valid event does: quarantine (default: set it aside in"
                    + " the run's .dlq topic with its coordinates and carry on) or fail (stop, naming topic,"
                    + " partition, offset and reason).")
    private BadRecordPolicy badRecords;

    @Option(names = "--broker-window", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the run waits, saying so, for a broker that stopped answering before it fails"
                    + " (default: ${DEFAULT-VALUE}).")
    private int brokerWindowSeconds;

    /** Checks the values before any cluster is contacted: a usage error naming the flag. */
    void validate() {
        RunAccess.stallSeconds(stallSeconds);
        RunAccess.brokerWindow(brokerWindowSeconds);
    }

    /** The runner settings these options and the cluster give. */
    RunnerSettings settings(ClusterSettings cluster, Path dataDir) {
        return RunAccess.settings(cluster, dataDir, stallSeconds).withBadRecords(badRecords)
                .withBrokerWindow(RunAccess.brokerWindow(brokerWindowSeconds));
    }
}
