package io.qps.cli.bench;

import io.qps.producer.session.SessionId;
import io.qps.producer.session.RunCatalog;
import io.qps.schemas.RunManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live against replay as a user runs them: {@code qps live --dataset} (publishing at full speed while the application
 * consumes) and then {@code qps replay}, each in a child JVM of its own started like the launcher's, on a fresh
 * session. So neither run finds the other's compiled code in its JVM (the demo runs both in one JVM, where the replay
 * inherits the live run's warm JIT) and both find the same warm broker. The times are the runs' own, from the run
 * catalog: application start to COMPLETE ({@code finishedMillis - startedMillis}), the reset before the replay
 * excluded, as {@code qps live} and {@code qps replay} print them.
 */
final class LiveReplayProbe {
    private LiveReplayProbe() {
    }

    /**
     * Runs the pair on session {@code id} (which must not exist) and reads their times.
     *
     * @param kafka client properties of the cluster
     * @param registryUrl the schema registry
     * @param catalog the cluster's run catalog
     * @param dataDir the data folder the children use for their state
     * @throws IllegalStateException if a child fails, does not finish within {@code limit}, or a run is not COMPLETE
     */
    static PipelineFigures.LiveVsReplay run(Map<String, Object> kafka, String registryUrl, RunCatalog catalog,
                                            Path dataDir, SessionId id, Path dataset, int partitions, int threads,
                                            Duration limit) throws InterruptedException {
        Path config = ClientConfigFile.write(kafka, "qps bench pipeline: live and replay client properties");
        try {
            List<String> cluster = List.of("--config", config.toString(), "--bootstrap",
                    String.valueOf(kafka.get("bootstrap.servers")), "--registry-url", registryUrl, "--data-dir",
                    dataDir.toString(), "--threads", Integer.toString(threads));
            List<String> live = new ArrayList<>(List.of("live", "--session-id", id.value(), "--dataset",
                    dataset.toString(), "--partitions", Integer.toString(partitions)));
            live.addAll(cluster);
            child(live, limit);
            List<String> replay = new ArrayList<>(List.of("replay", "--session-id", id.value()));
            replay.addAll(cluster);
            child(replay, limit);
            return new PipelineFigures.LiveVsReplay(id.value(), millis(catalog, id, RunCatalog.LIVE),
                    millis(catalog, id, "replay-1"));
        } finally {
            ClientConfigFile.deleteQuietly(config);
        }
    }

    private static long millis(RunCatalog catalog, SessionId id, String run) {
        RunManifest m = catalog.find(id, run).orElseThrow(() -> new IllegalStateException("run " + run + " of "
                + id + " is not in the run catalog"));
        if (m.getStatus() != io.qps.schemas.RunStatus.COMPLETE) {
            throw new IllegalStateException("run " + run + " of " + id + " is " + m.getStatus() + ", not COMPLETE");
        }
        return m.getFinishedMillis() - m.getStartedMillis();
    }

    /** Runs {@code qps <args>} in a child JVM with this process's class path; throws unless it exits with 0. */
    private static void child(List<String> args, Duration limit) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-cp", ChildJvm.classPath(),
                io.qps.cli.Qps.class.getName()));
        command.addAll(args);
        ChildJvm.Result r = ChildJvm.run(command, limit, "'qps " + args.get(0) + "'");
        if (r.exit() != 0) {
            throw new IllegalStateException("'qps " + String.join(" ", args.subList(0, 3)) + "' exited with "
                    + r.exit() + ": " + r.output().strip().lines().reduce((a, b) -> b).orElse(""));
        }
    }
}
