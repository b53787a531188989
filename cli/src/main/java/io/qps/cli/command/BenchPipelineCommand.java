package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.cli.Qps;
import io.qps.cli.bench.PipelineBenchmark;
import io.qps.cli.bench.PipelineFigures;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.session.SessionId;
import io.qps.runner.RunException;
import io.qps.verify.VerifyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps bench pipeline}: the figures of DESIGN.md section 4 in one run on one broker. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure the pipeline's cost figures in one run on one broker (docs/benchmarks.md).",
            "C: Kafka's ConsumerPerformance (in-process) on the session's ticks topic, records/s.",
            "T: the trivial Kafka Streams application on the same topic (exactly_once_v2, one thread, commit"
                + " 100 ms, one cached in-memory store it puts every record into), records/s: the room there is.",
            "S: a replay of the session with --threads, events/s from the application's start to COMPLETE, S/C and"
                + " S/T;"
                + " internal-summaries, internal-partials and changelog records written per input event; the"
                + " share of input events read by the busiest task and by single-partition tasks.",
            "Verifier: live vs replay vs reference in a child JVM: events/s, peak heap, max RSS.",
            "Live vs replay: 'qps live --dataset' at full speed on a fresh session, then 'qps replay' of it, each in"
                + " its own JVM (--live-replay-pairs times): their run times and ratio.",
            "Latency: paced live runs (--speeds, on fresh sessions deleted afterwards), each publishing the first 5 h"
                + " 59 min of event time at full speed, waiting until the run has consumed and committed it, then"
                + " --latency-seconds of wall time at its pace: from the moment an order could first be known (its"
                + " causal tick sent, or for an order decided at a bar close or hourly rebalance, the paced publisher"
                + " reaching that time) to its read_committed visibility, p50/p99/max.",
            "The session is published from --dataset and run live at full speed first if it does not exist. Prints"
                + " a table and writes the figures as JSON to --out."})
public final class BenchPipelineCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private ReplicationOptions replicationOptions;

    @Mixin
    private LocalOptions local;

    @Option(names = "--dataset", paramLabel = "FILE", defaultValue = "data/42-3d.qpsd",
            description = "The session's dataset (default: ${DEFAULT-VALUE}).")
    private Path dataset;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + PublishRequest.DEFAULT_PARTITIONS,
            description = "Partitions of a session published here and of the paced sessions (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "num.stream.threads of the replay and the paced live runs (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--session-id", paramLabel = "ID", defaultValue = "bench-pipeline",
            description = "The session to replay and verify; published and run live if missing (default:"
                    + " ${DEFAULT-VALUE}).")
    private String session;

    @Option(names = "--latency-seconds", paramLabel = "SECONDS", defaultValue = "120",
            description = "Wall time of the paced part of each latency run, 0 to skip them (default:"
                    + " ${DEFAULT-VALUE}).")
    private int latencySeconds;

    @Option(names = "--speeds", paramLabel = "X", split = ",", defaultValue = "1,60",
            description = "Paces of the live runs (default: ${DEFAULT-VALUE}).")
    private List<Double> speeds = new ArrayList<>();

    @Option(names = "--live-replay-pairs", paramLabel = "N", defaultValue = "1",
            description = "Fresh sessions on which 'qps live --dataset' at full speed and then 'qps replay' run, each in"
                    + " its own JVM, for their times and ratio; 0 skips them (default: ${DEFAULT-VALUE}).")
    int liveReplayPairs;

    @Option(names = "--no-verify", description = "Skip the verifier.")
    private boolean noVerify;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "90",
            description = "Stop a run after this long without progress (default: ${DEFAULT-VALUE}).")
    private int stallSeconds;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench-pipeline.json",
            description = "Where the figures go as JSON (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws InterruptedException {
        Qps qps = (Qps) spec.root().userObject();
        PrintWriter w = spec.commandLine().getOut();
        SessionId id = DataPlaneAccess.session(session);
        DataPlaneAccess.atLeast("--latency-seconds", latencySeconds, 0);
        DataPlaneAccess.atLeast("--live-replay-pairs", liveReplayPairs, 0);
        if (speeds.stream().anyMatch(s -> !(s > 0))) {
            throw new CliException(CliException.USAGE, "--speeds must all be positive, was " + speeds);
        }
        RunAccess.stallSeconds(stallSeconds);
        var options = new PipelineBenchmark.Options(id, DataPlaneAccess.existingDataset(dataset),
                DataPlaneAccess.partitions(partitions), RunAccess.threads(threads), latencySeconds, speeds, !noVerify,
                liveReplayPairs);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        var settings = RunAccess.settings(cluster, local.dataDir(), stallSeconds);
        PipelineFigures figures;
        try {
            figures = new PipelineBenchmark(settings, DataPlaneAccess.registry(cluster), line -> {
                w.println(line);
                w.flush();
            }, paced -> deleteSession(qps, cluster, paced, w)).run(options);
        } catch (RunException | PublishException | VerifyException | IllegalStateException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        VerifyCommand.write(out, figures.json());
        w.println();
        w.println(figures.table());
        w.println("figures: " + out);
        w.flush();
        return 0;
    }

    /** Runs {@code qps sessions delete ID --yes} on the same cluster and data folder; says so if it fails. */
    private void deleteSession(Qps qps, ClusterSettings cluster, SessionId paced, PrintWriter w) {
        StringWriter captured = new StringWriter();
        int exit = Qps.commandLine(new Qps(qps.environment())).setOut(new PrintWriter(captured))
                .setErr(new PrintWriter(captured))
                .execute("sessions", "delete", paced.value(), "--yes", "--data-dir", local.dataDir().toString(),
                        "--bootstrap", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl());
        if (exit != 0) {
            w.println("note: could not delete paced session " + paced + " (" + captured.toString().strip() + ")");
        }
    }
}
