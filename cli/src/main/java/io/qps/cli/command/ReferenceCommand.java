package io.qps.cli.command;

import io.qps.cli.report.StatsTable;
import io.qps.core.data.Dataset;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.stats.StatsConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps reference}: runs the in-process reference engine (no Kafka) over a dataset file. */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Run the reference engine over a dataset file (no Kafka).",
            "The trading core in one thread: prints each strategy's statistics and the digests of the canonical"
                + " outputs. PnL is each book's last equity-curve sample, as in results.json."})
public final class ReferenceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "Dataset file (from qps generate).")
    private Path dataset;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Strategy and execution parameters (default: the built-in defaults, which"
                    + " config/engine.properties lists).")
    private Path engineConfig;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineConfig config = LocalInputs.engineConfig(engineConfig);
        Dataset data = LocalInputs.dataset(dataset);
        EngineResult result = ReferenceRun.run(data.header().universe(), config, data.events());
        out.printf("dataset   %s (sha256 %s)%n", dataset, data.sha256());
        out.printf("config    %s (sha256 %s)%n", engineConfig == null ? "defaults" : engineConfig,
                EngineConfigFile.sha256(config));
        out.printf("events    %,d%n", result.events());
        out.printf("outputs   orders %,d  fills %,d  rejects %,d  positions %,d  pnl samples %,d%n",
                result.outputs().orders().size(), result.outputs().fills().size(), result.outputs().rejects().size(),
                result.outputs().positions().size(), result.outputs().pnl().size());
        out.println();
        out.println("pnl: " + StatsConfig.PNL_DEFINITION);
        StatsTable.print(out, result.stats());
        out.println("statistics: daily returns on UTC days over a fixed capital of $"
                + StatsTable.dollars(config.stats().capitalPerStrategy())
                + " per strategy (TOTAL: their sum), annualized over " + config.stats().periodsPerYearDays()
                + " days; ann.ret, vol in %, dd% of peak equity,"
                + " dd hrs the longest drawdown in event-time hours, expo the share of samples with a position;"
                + " conventions: results_detailed.json or the report");
        out.println();
        for (OutputTopic topic : OutputTopic.values()) {
            out.printf("digest %-9s %s%n", topic.suffix(), result.canonical().digest(topic));
        }
        out.printf("digest %-9s %s%n", "all", result.digest());
        out.flush();
        return 0;
    }
}
