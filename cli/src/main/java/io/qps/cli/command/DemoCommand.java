package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.cli.Qps;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfigFile;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.SessionManifests;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qps demo}: the whole flow on the embedded default, one command. Each step is the user-facing
 * command of the same name, run in this process; the first step that fails ends the demo with its exit code.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole flow in one command: up, generate, live, replay, verify, report.",
            "On the embedded default, step by step:",
            "1. up: start the embedded Kafka broker and schema registry (if not running);",
            "2. generate: the dataset (--days 3 --seed 42 -> data/42-3d.qpsd), unless that file is already there;",
            "3. live: publish it to qps.<session>.ticks (6 partitions) while the Kafka Streams application consumes"
                + " it (run 'live'); skipped when the session already has a complete live run of this dataset;",
            "4. replay: reset the application (StreamsResetter), reprocess the ticks into run replay-N;",
            "5. verify: live vs replay vs the reference engine: results.json, results_detailed.json, qps.results;",
            "6. report: report.html: the live run's charts, statistics, fills and the replication verdict.",
            "--engine-config FILE: the strategies' and execution's parameters (recorded in the session's manifest).",
            "Ends with the verdict. Exit code 0 only when live = replay = reference engine. Services are left"
                + " running: 'qps status' shows them, 'qps down' stops them."})
public final class DemoCommand implements Callable<Integer> {
    private static final int STEPS = 6;
    private static final String REPORT = "report.html";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private LocalOptions local;

    @Option(names = "--session-id", paramLabel = "ID", defaultValue = "demo1",
            description = "Session id (default: ${DEFAULT-VALUE}).")
    private String session;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of the ticks topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--assignment", paramLabel = "balanced|hash", defaultValue = "balanced",
            description = "How the live step assigns instruments to partitions (default: ${DEFAULT-VALUE}).")
    private String assignment;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Strategy and execution parameters for the session (default: the built-in defaults,"
                    + " which config/engine.properties lists).")
    private Path engineConfig;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "num.stream.threads of the live and replay runs (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Override
    public Integer call() {
        SessionId id = DataPlaneAccess.session(session);
        DataPlaneAccess.partitions(partitions);
        RunAccess.threads(threads);
        Path dataset = Path.of("data", seed + "-" + days + "d.qpsd");
        String engineHash = EngineConfigFile.sha256(LocalInputs.engineConfig(engineConfig));
        List<String> engineOption = engineConfig == null ? List.of() : List.of("--engine-config",
                engineConfig.toString());

        step(1, "up", List.of("up", "--data-dir", local.dataDir().toString()));
        if (matches(dataset)) {
            say("2/" + STEPS + " generate: " + dataset + " is already there (seed " + seed + ", " + days + " days, checksum verified)");
        } else {
            step(2, "generate", List.of("generate", "--days", Integer.toString(days), "--seed", Long.toString(seed),
                    "--out", dataset.toString()));
        }
        String sha = sha256(dataset);
        Optional<SessionManifest> published = published(id);
        if (published.isPresent() && !published.get().getDatasetSha256().equals(sha)) {
            throw new CliException(CliException.FAILED, "session " + id + " holds another dataset (sha256 "
                    + published.get().getDatasetSha256() + "); choose another --session-id");
        }
        if (published.isPresent() && !SessionManifests.engineConfigHash(published.get()).equals(engineHash)) {
            throw new CliException(CliException.FAILED, "session " + id + " was published with another engine"
                    + " configuration (sha256 " + SessionManifests.engineConfigHash(published.get()) + ", this one "
                    + engineHash + "); choose another --session-id");
        }
        if (published.isPresent() && liveComplete(id)) {
            say("3/" + STEPS + " live: session " + id + " already has a complete live run of this dataset (sha256 " + sha + ")");
        } else {
            List<String> live = new ArrayList<>(List.of("live", "--session-id", id.toString(), "--dataset",
                    dataset.toString(), "--partitions", Integer.toString(partitions), "--assignment", assignment,
                    "--threads", Integer.toString(threads)));
            live.addAll(engineOption);
            step(3, "live", live);
        }
        step(4, "replay", List.of("replay", "--session-id", id.toString(), "--threads", Integer.toString(threads)));
        List<String> verify = new ArrayList<>(List.of("verify", "--session-id", id.toString(), "--dataset",
                dataset.toString()));
        verify.addAll(engineOption);
        int verdict = run(5, "verify", verify);
        if (verdict == 0 || verdict == CliException.FAILED && Files.isRegularFile(Path.of("results_detailed.json"))) {
            // also on a mismatch: the report shows the first divergence and its causal chain
            int report = run(6, "report", List.of("report", "--session-id", id.toString(), "--out", REPORT));
            if (report == 0) {
                spec.commandLine().getOut().println("open in a browser: " + Path.of(REPORT).toAbsolutePath());
            }
        }
        say("services are still up: './qps status' shows them, './qps down' stops them");
        if (verdict != 0) {
            throw new CliException(verdict, "demo: FAIL: live, replay and the reference engine differ (report above,"
                    + " details in results_detailed.json)");
        }
        spec.commandLine().getOut().println("pnl_match: PASS");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void step(int number, String name, List<String> args) {
        int exit = run(number, name, args);
        if (exit != 0) {
            throw new CliException(exit, "demo stopped: step " + number + " (" + name + ") failed with exit code " + exit);
        }
    }

    private int run(int number, String name, List<String> args) {
        say(number + "/" + STEPS + " " + name + ": qps " + String.join(" ", args));
        List<String> all = new ArrayList<>(args);
        Qps qps = (Qps) spec.root().userObject();
        CommandLine child = Qps.commandLine(new Qps(qps.environment()));
        if (child.getSubcommands().get(args.get(0)).getCommandSpec().findOption("--bootstrap") != null) {
            ClusterSettings cluster = clusterOptions.settings();
            all.addAll(List.of("--bootstrap", cluster.bootstrapServers(), "--registry-url", cluster.registryUrl()));
            cluster.clientConfigFile().ifPresent(file -> all.addAll(List.of("--config", file.toString())));
        }
        child.setOut(spec.commandLine().getOut());
        child.setErr(spec.commandLine().getErr());
        return child.execute(all.toArray(new String[0]));
    }

    /** Whether {@code dataset} exists, verifies, and was generated with this seed and these days at density 1. */
    private boolean matches(Path dataset) {
        if (!Files.isRegularFile(dataset)) {
            return false;
        }
        try (DatasetReader reader = DatasetReader.open(dataset)) {
            DatasetHeader h = reader.header();
            return h.seed() == seed && h.days() == days && h.densityScale() == 1.0;
        } catch (DatasetFormatException e) {
            say("2/" + STEPS + " generate: " + dataset + " is unusable (" + e.getMessage() + "); generating it again");
            return false;
        }
    }

    private static String sha256(Path dataset) {
        try (DatasetReader reader = DatasetReader.open(dataset)) {
            return reader.sha256();
        } catch (DatasetFormatException e) {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
    }

    private Optional<SessionManifest> published(SessionId id) {
        ClusterSettings cluster = clusterOptions.settings();
        SessionCatalog catalog = new SessionCatalog(cluster.kafkaClientProperties(), DataPlaneAccess.registry(cluster),
                DataPlaneAccess.TIMEOUT);
        return catalog.find(id).map(SessionEntry::manifest);
    }

    private boolean liveComplete(SessionId id) {
        ClusterSettings cluster = clusterOptions.settings();
        RunCatalog runs = new RunCatalog(cluster.kafkaClientProperties(), DataPlaneAccess.registry(cluster),
                DataPlaneAccess.TIMEOUT);
        return runs.find(id, RunCatalog.LIVE).map(r -> r.getStatus() == RunStatus.COMPLETE).orElse(false);
    }

    private void say(String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.println("== " + line);
        out.flush();
    }
}
