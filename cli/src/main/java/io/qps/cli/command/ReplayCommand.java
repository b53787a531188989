package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.ReplayRunner;
import io.qps.runner.RunException;
import io.qps.runner.RunOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps replay}: reprocesses a session's ticks topic into a new run {@code replay-N}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a session: reprocess its ticks topic into a new run replay-N.",
            "Resets the session's application with Kafka's StreamsResetter (ticks offsets to the earliest, internal"
                + " topics deleted), wipes its local state and reprocesses the ticks topic into the new run's topics"
                + " qps.<session>.replay-N.{orders,fills,positions,pnl} (N = 1 + the highest replay so far).",
            "The live run's topics are never touched. Refused while any run of the session is in progress or its"
                + " application still has members in its consumer group."})
public final class ReplayCommand implements Callable<Integer> {
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
            description = "num.stream.threads of the application (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() {
        SessionId id = DataPlaneAccess.session(session);
        int t = RunAccess.threads(threads);
        run.validate();
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        AccessCheck.requireDescribe(cluster, List.of(TopicNames.ticks(id), TopicNames.SESSIONS, TopicNames.RUNS));
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        Catalogs.session(cluster, registry, id);
        PrintWriter out = spec.commandLine().getOut();
        RunOutcome r;
        try {
            r = new ReplayRunner(run.settings(cluster, local.dataDir()), registry, out::println)
                    .replay(id, t);
        } catch (RunException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        RunAccess.summary(out, r);
        return 0;
    }
}
