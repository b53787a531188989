package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.producer.session.SessionId;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.RunException;
import io.qps.runner.WorkerRunner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps worker}: another application instance for a session's run in progress. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Join another application instance to a session's run in progress (live or replay).",
            "From this or another machine: Kafka Streams spreads the run's tasks over the instances, and the run's"
                + " outputs stay the same. The worker leaves when the run is COMPLETE or FAILED."})
public final class WorkerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private ReplicationOptions replicationOptions;

    @Mixin
    private LocalOptions local;

    @Option(names = "--session-id", required = true, paramLabel = "ID", description = "The session.")
    private String session;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "Stream threads of this instance (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for a run of the session to start (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        SessionId id = DataPlaneAccess.session(session);
        int t = RunAccess.threads(threads);
        DataPlaneAccess.atLeast("--wait", waitSeconds, 0);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        Catalogs.session(cluster, registry, id);
        PrintWriter out = spec.commandLine().getOut();
        RunManifest m;
        try {
            m = new WorkerRunner(RunAccess.settings(cluster, local.dataDir(), 90), registry, line -> {
                out.println(line);
                out.flush();
            }).join(id, t, Duration.ofSeconds(waitSeconds));
        } catch (RunException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        return m.getStatus() == RunStatus.COMPLETE ? 0 : 1;
    }
}
