package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.runner.RunException;
import io.qps.runner.SessionRunner;
import io.qps.verify.RunResults;
import io.qps.verify.SessionVerifier;
import io.qps.verify.VerifyException;
import io.qps.verify.report.HtmlReport;
import io.qps.verify.report.ReportInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qps report}: a run's HTML tearsheet. The run's outputs are read back from its topics; the replication
 * verdict comes from the {@code results_detailed.json} that {@code qps verify} wrote (reading it rather than
 * verifying again keeps the report a view of the verdict, not a second verifier, and costs no reference run).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a run's report: one self-contained HTML file that opens offline.",
            "The file inlines its charts: the equity and drawdown curves per strategy and in total, hourly return"
                + " distribution, rolling Sharpe, correlations, the statistics table, a fills blotter and the"
                + " replication verdict (from the results_detailed.json of 'qps verify').",
            "With --dataset instead of --session-id: the reference engine's run over that dataset file, no broker"
                + " needed (no replication verdict)."})
public final class ReportCommand implements Callable<Integer> {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--session-id", paramLabel = "ID", description = "The session.")
    private String session;

    @Option(names = "--run", paramLabel = "RUN", defaultValue = "live",
            description = "The run to chart: live, replay-N (default: ${DEFAULT-VALUE}).")
    private String run;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = ".",
            description = "Folder holding the session's results_detailed.json (default: the current folder).")
    private Path results;

    @Option(names = "--dataset", paramLabel = "FILE",
            description = "Instead of a session: chart the reference engine's run over this dataset file.")
    private Path dataset;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "With --dataset: the engine's parameters (default: the built-in defaults). A session's"
                    + " report uses the configuration its manifest records.")
    private Path engineConfig;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--fills", paramLabel = "N", defaultValue = "" + ReportInput.DEFAULT_MAX_FILLS,
            description = "Fills of each strategy in the blotter (default: ${DEFAULT-VALUE}).")
    private int fills;

    @Override
    public Integer call() {
        if ((session == null) == (dataset == null)) {
            throw new CliException(CliException.USAGE, "give either --session-id ID (a verified session) or"
                    + " --dataset FILE (the reference engine's run, no broker)");
        }
        if (session != null && engineConfig != null) {
            throw new CliException(CliException.USAGE, "--engine-config goes with --dataset: a session's report uses"
                    + " the configuration its manifest records");
        }
        if (fills < 0) {
            throw new CliException(CliException.USAGE, "--fills must be >= 0, was " + fills);
        }
        if (dataset != null) {
            DataPlaneAccess.existingDataset(dataset);
        }
        ReportInput input = dataset != null ? reference() : session();
        VerifyCommand.write(out, HtmlReport.render(input));
        PrintWriter w = spec.commandLine().getOut();
        w.println("report: " + out + " (session " + input.session() + ", run " + input.run().run() + ", verdict "
                + (input.verification() == null ? "not verified" : input.verification().path("verdict").asText())
                + ")");
        w.flush();
        return 0;
    }

    private ReportInput session() {
        SessionId id = DataPlaneAccess.session(session);
        JsonNode detailed = detailed(id);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        var registry = DataPlaneAccess.registry(cluster);
        Catalogs.run(cluster, registry, id, run);
        SessionVerifier verifier = new SessionVerifier(cluster.kafkaClientProperties(), registry, READ_TIMEOUT);
        try {
            SessionEntry entry = verifier.session(id);
            verifier.run(id, run, false);
            RunResults outputs = verifier.read(id, run);
            return new ReportInput(id.toString(), outputs, SessionRunner.universe(entry.manifest()),
                    SessionVerifier.engineConfig(entry), detailed, fills);
        } catch (VerifyException | RunException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
    }

    private ReportInput reference() {
        try {
            EngineConfig config = LocalInputs.engineConfig(engineConfig);
            Dataset data = DatasetReader.load(DataPlaneAccess.existingDataset(dataset));
            var result = ReferenceRun.run(data.header().universe(), config, data.events());
            return new ReportInput(dataset.getFileName().toString(), RunResults.reference(result),
                    data.header().universe(), config, null, fills);
        } catch (DatasetFormatException | java.io.UncheckedIOException e) {
            throw DataPlaneAccess.unreadable(e);
        }
    }

    /** The session's results_detailed.json, or a one-line error saying to verify first. */
    private JsonNode detailed(SessionId id) {
        Path file = results.resolve("results_detailed.json");
        if (!Files.isRegularFile(file)) {
            throw new CliException(CliException.FAILED, "no " + file + ": run 'qps verify --session-id " + id
                    + "' first (or pass the folder it wrote to with --results)");
        }
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!id.toString().equals(node.path("session").asText())) {
            throw new CliException(CliException.FAILED, file + " is the verification of session "
                    + node.path("session").asText() + ", not " + id + "; run 'qps verify --session-id " + id
                    + "' or pass its folder with --results");
        }
        return node;
    }
}
