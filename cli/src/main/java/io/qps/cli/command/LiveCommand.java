package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetReader;
import io.qps.core.sim.SimConfig;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.PublishResult;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.ValueEncoding;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.LiveRunner;
import io.qps.runner.RunException;
import io.qps.runner.RunOutcome;
import io.qps.runner.RunnerSettings;
import io.qps.stream.topology.MergeMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps live}: the live run of a session, consuming its ticks topic while it is published. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = {"Run a session live, publishing its dataset while the application consumes it.",
            "Starts the Kafka Streams application on qps.<session>.ticks, then publishes the dataset from this"
                + " process while the application consumes it (paced by --speed), and waits until every event is"
                + " processed; outputs go to qps.<session>.live.{orders,fills,positions,pnl}.",
            "Without --dataset the dataset data/<seed>-<days>d.qpsd is used, generated first if missing. The"
                + " strategies run with --engine-config FILE (else the defaults), recorded in the session's"
                + " manifest.",
            "With --attach nothing is published: the run consumes a session another process publishes ('qps publish"
                + " --session-id ID ...'), waiting up to --wait seconds for it to appear."})
public final class LiveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private ReplicationOptions replicationOptions;

    @Mixin
    private LocalOptions local;

    @Option(names = "--session-id", required = true, paramLabel = "ID",
            description = "Session id: 1..100 characters from A-Z a-z 0-9 . _ -.")
    private String session;

    @Option(names = "--dataset", paramLabel = "FILE", description = "The dataset file to publish.")
    private Path dataset;

    @Option(names = "--days", paramLabel = "D", defaultValue = "3",
            description = "Without --dataset: simulated days (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Without --dataset: simulator seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + PublishRequest.DEFAULT_PARTITIONS,
            description = "Partitions of the ticks topic and the output topics (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--speed", paramLabel = "X|max", defaultValue = "max",
            description = "Publishing pace in event time: a multiple of real time (1, 60, 2.5) or max"
                    + " (default: ${DEFAULT-VALUE}).")
    private String speed;

    @Mixin
    private PublishOptions publishOptions;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "num.stream.threads of the application (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--attach", description = "Only consume: the session is published by another process.")
    private boolean attach;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --attach: how long to wait for the session to appear (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() throws InterruptedException {
        SessionId id = DataPlaneAccess.session(session);
        int t = RunAccess.threads(threads);
        DataPlaneAccess.atLeast("--wait", waitSeconds, 0);
        run.validate();
        if (attach && dataset != null) {
            throw new CliException(CliException.USAGE, "--attach publishes nothing: drop --dataset");
        }
        if (attach && publishOptions.engineConfigFile() != null) {
            throw new CliException(CliException.USAGE, "--attach runs the engine configuration the publisher"
                    + " recorded in the session's manifest: drop --engine-config (give it to 'qps publish')");
        }
        if (!attach && dataset != null) {
            DataPlaneAccess.existingDataset(dataset);
        }
        int parts = DataPlaneAccess.partitions(partitions);
        Speed pace = DataPlaneAccess.speed(speed);
        var assignment = DataPlaneAccess.assignment(publishOptions);
        var markers = DataPlaneAccess.markers(publishOptions);
        var engine = attach ? null : publishOptions.engineConfig();
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        AccessCheck.requireDescribe(cluster, List.of(TopicNames.ticks(id), TopicNames.SESSIONS, TopicNames.RUNS));
        PrintWriter out = spec.commandLine().getOut();
        if (attach) {
            SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
            RunnerSettings settings = run.settings(cluster, local.dataDir());
            RunOutcome r;
            try {
                r = new LiveRunner(settings, registry, out::println).attach(id, t, MergeMode.GATED,
                        Duration.ofSeconds(Math.max(1, waitSeconds)));
            } catch (RunException e) {
                throw new CliException(CliException.FAILED, e.getMessage(), e);
            }
            RunAccess.summary(out, r);
            return 0;
        }
        PublishRequest request;
        try {
            request = new PublishRequest(id, resolveDataset(out), parts, cluster.topics(), pace, false,
                    QpsVersion.get(), Map.of(), ValueEncoding.DIRECT, assignment, markers, engine);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        RunnerSettings settings = run.settings(cluster, local.dataDir());
        LiveRunner.Published p;
        try {
            p = new LiveRunner(settings, registry, out::println).publishAndRun(request, t, MergeMode.GATED,
                    Progress.NONE);
        } catch (RunException | PublishException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        } catch (DatasetFormatException | UncheckedIOException e) {
            throw DataPlaneAccess.unreadable(e);
        }
        PublishResult pub = p.publish();
        out.println(String.format(Locale.ROOT, "published %,d events and %,d progress markers of %s to %s (%d"
                + " partitions, %s assignment, busiest partition %.1f%% of events) in %.1f s while the application"
                + " consumed them", pub.events(), pub.markers(), request.dataset(), pub.topic(),
                pub.eventsPerPartition().size(), pub.assignment(), 100 * pub.maxPartitionShare(),
                pub.elapsedNanos() / 1e9));
        RunAccess.summary(out, p.run());
        return 0;
    }

    private Path resolveDataset(PrintWriter out) {
        if (dataset != null) {
            return DataPlaneAccess.existingDataset(dataset);
        }
        Path file = Path.of("data", seed + "-" + days + "d.qpsd");
        if (Files.isRegularFile(file)) {
            try (DatasetReader reader = DatasetReader.open(file)) {
                DatasetHeader h = reader.header();
                if (h.seed() == seed && h.days() == days && h.densityScale() == 1.0) {
                    out.println("dataset " + file + " is already there (seed " + seed + ", " + days + " days)");
                    return file;
                }
            } catch (DatasetFormatException e) {
                out.println("dataset " + file + " is unusable (" + e.getMessage() + "); generating it again");
            }
        }
        SimConfig config = SimConfig.defaults(seed, days);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot create the folder of " + file + ": " + e.getMessage());
        }
        var summary = DatasetFiles.generate(config, file);
        out.println(String.format(Locale.ROOT, "generated %s: %,d events, sha256 %s", file, summary.eventCount(),
                summary.sha256()));
        return file;
    }
}
