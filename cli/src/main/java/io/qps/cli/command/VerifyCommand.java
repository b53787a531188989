package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.EngineConfig;
import io.qps.core.sim.SimConfig;
import io.qps.core.strategy.StrategyId;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.verify.Comparison;
import io.qps.verify.ResultsDocuments;
import io.qps.verify.ResultsTopic;
import io.qps.verify.SessionVerifier;
import io.qps.verify.Verification;
import io.qps.verify.VerifyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps verify}: live vs replay vs the reference engine, in canonical form; writes and publishes the results. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a session: its live run, a replay run and the reference engine must be equal.",
            "Reads the live run and a replay run (read_committed), runs the reference engine on the session's"
                + " dataset, compares all three in canonical form, writes results.json and results_detailed.json,"
                + " and publishes the results as JSON on qps.results (key = session id).",
            "The reference engine runs the engine configuration recorded in the session's manifest; with"
                + " --engine-config FILE, a file that differs from it is refused, naming the differing keys.",
            "Exit code 0 when live = replay = reference, 1 otherwise (the report names the first divergent record"
                + " per topic: causal key, input seq, differing fields)."})
public final class VerifyCommand implements Callable<Integer> {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private ReplicationOptions replicationOptions;

    @Option(names = "--session-id", required = true, paramLabel = "ID", description = "The session.")
    private String session;

    @Option(names = "--live", paramLabel = "RUN", defaultValue = "live",
            description = "The live run (default: ${DEFAULT-VALUE}).")
    private String live;

    @Option(names = "--replay", paramLabel = "RUN",
            description = "The replay run, e.g. replay-1 (default: the latest complete replay).")
    private String replay;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "The session's dataset (default: the .qpsd in data/ whose SHA-256 the manifest names,"
                    + " regenerated from the manifest's seed and days if there is none).")
    private Path dataset;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Check that the session ran with these parameters: a file whose configuration differs from"
                    + " the one the session's manifest records is refused, naming the differing keys (default: no"
                    + " check; the session's own configuration is used either way).")
    private Path engineConfig;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder for results.json and results_detailed.json (default: the current folder).")
    private Path out;

    @Override
    public Integer call() {
        SessionId id = DataPlaneAccess.session(session);
        EngineConfig expected = engineConfig == null ? null : LocalInputs.engineConfig(engineConfig);
        if (dataset != null) {
            DataPlaneAccess.existingDataset(dataset);
        }
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        AccessCheck.requireDescribe(cluster, List.of(TopicNames.ticks(id), TopicNames.SESSIONS, TopicNames.RUNS,
                TopicNames.RESULTS));
        PrintWriter w = spec.commandLine().getOut();
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        Catalogs.run(cluster, registry, id, live);
        if (replay != null) {
            Catalogs.run(cluster, registry, id, replay);
        }
        SessionVerifier verifier = new SessionVerifier(cluster.kafkaClientProperties(), registry, READ_TIMEOUT);
        Verification v;
        try {
            SessionEntry entry = verifier.session(id);
            if (expected != null) {
                SessionVerifier.requireEngineConfig(entry, expected, engineConfig.toString());
            }
            verifier.run(id, live, false);
            verifier.run(id, replay, true);
            Path data = dataset != null ? dataset : locate(entry.manifest(), w);
            w.println("verifying session " + id + " against the reference engine on " + data);
            w.flush();
            v = verifier.verify(id, live, replay, data);
        } catch (VerifyException | io.qps.runner.RunException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        } catch (DatasetFormatException e) {
            throw new CliException(CliException.FAILED, "dataset: " + e.getMessage(), e);
        }
        var summary = ResultsDocuments.summary(v);
        write(out.resolve("results.json"), ResultsDocuments.text(summary));
        write(out.resolve("results_detailed.json"), ResultsDocuments.text(ResultsDocuments.detailed(v)));
        try {
            new ResultsTopic(cluster.kafkaClientProperties(), cluster.topics(), READ_TIMEOUT).publish(id.toString(),
                    ResultsDocuments.compact(summary));
        } catch (VerifyException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        report(w, v);
        return v.passed() ? 0 : CliException.FAILED;
    }

    private void report(PrintWriter w, Verification v) {
        w.println("runs: " + v.live().run() + " vs " + v.replay().run() + " vs reference engine");
        for (StrategyId s : StrategyId.values()) {
            w.printf("%s: trades=%d pnl=%s match=%s reference=%s%n", s.code(), v.live().only(s).fills().size(),
                    ResultsDocuments.dollars(pnlOf(v, s)).toPlainString(),
                    Comparison.verdict(v.liveVsReplay().strategies().get(s)),
                    Comparison.verdict(v.liveVsReference().strategies().get(s)
                            && v.replayVsReference().strategies().get(s)));
        }
        divergences(w, "live vs replay", v.liveVsReplay(), v);
        divergences(w, "reference vs live", v.liveVsReference(), v);
        divergences(w, "reference vs replay", v.replayVsReference(), v);
        w.println("digests: live " + v.live().canonical().digest() + ", replay " + v.replay().canonical().digest()
                + ", reference " + v.reference().canonical().digest());
        w.println("live_pnl: " + summaryPnl(v, true) + "  replay_pnl: " + summaryPnl(v, false));
        if (v.quarantined().live() > 0 || v.quarantined().replay() > 0) {
            w.println("quarantined bad ticks records: live " + v.quarantined().live() + ", replay "
                    + v.quarantined().replay() + " (" + Comparison.verdict(v.quarantined().match()) + ")");
            if (v.quarantined().difference() != null) {
                w.println("first quarantine difference: " + v.quarantined().difference().describe());
            }
        }
        w.println("live = replay = reference engine: " + Comparison.verdict(v.passed()));
        w.println("results: " + out.resolve("results.json") + ", " + out.resolve("results_detailed.json")
                + ", and topic qps.results (key " + v.session() + ")");
        w.println("pnl_match: " + Comparison.verdict(v.replicated()));
        w.flush();
    }

    private static long pnlOf(Verification v, StrategyId s) {
        var last = v.live().lastSamples().get(s.code());
        return last == null ? 0 : last.totalPnl();
    }

    private static String summaryPnl(Verification v, boolean live) {
        var last = (live ? v.live() : v.replay()).lastSamples().get(io.qps.core.portfolio.PnlSnapshot.TOTAL);
        return ResultsDocuments.dollars(last == null ? 0 : last.totalPnl()).toPlainString();
    }

    private static void divergences(PrintWriter w, String title, Comparison c, Verification v) {
        if (c.match()) {
            return;
        }
        w.println(title + ": FAIL");
        for (Divergence d : c.divergences()) {
            w.println("  " + d.describe());
            w.println("    expected (" + c.expected() + "): " + d.expectedLine());
            w.println("    actual   (" + c.actual() + "): " + d.actualLine());
            w.println("    input event: " + v.inputEvent().apply(d.seq()));
        }
    }

    /** The dataset in data/ whose SHA-256 the manifest names, else regenerated from its seed and days. */
    private static Path locate(SessionManifest m, PrintWriter w) {
        String sha = m.getDatasetSha256().toString();
        Path dir = Path.of("data");
        Optional<Path> found = find(dir, sha);
        if (found.isPresent()) {
            return found.get();
        }
        Path target = dir.resolve(m.getSeed() + "-" + m.getDays() + "d.qpsd");
        if (Files.exists(target)) {
            throw new CliException(CliException.FAILED, "no dataset in " + dir + " has sha256 " + sha + " (the one"
                    + " session " + m.getSessionId() + " was published from) and " + target
                    + " is another dataset; pass the session's dataset with --dataset");
        }
        w.println("regenerating the session's dataset (seed " + m.getSeed() + ", " + m.getDays() + " days) into "
                + target);
        w.flush();
        DatasetFiles.generate(SimConfig.defaults(m.getSeed(), m.getDays()), target);
        return target;
    }

    private static Optional<Path> find(Path dir, String sha) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.qpsd")) {
            for (Path f : files) {
                try (DatasetReader r = DatasetReader.open(f)) {
                    if (r.sha256().equals(sha)) {
                        return Optional.of(f);
                    }
                } catch (DatasetFormatException e) {
                    continue;
                }
            }
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text + System.lineSeparator());
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
