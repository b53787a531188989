package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.bench.ReferenceBenchmark;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps bench reference}: the reference engine's events per second on one thread. */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Measure the reference engine's throughput on one thread.",
            "Loads a dataset into memory (or simulates one), then runs the whole trading core over it in one thread,"
                + " several times, printing events/s."})
public final class BenchReferenceCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE", description = "Dataset file; default: simulate --days/--seed in memory.")
    private Path dataset;

    @Option(names = "--days", defaultValue = "3", description = "Days to simulate when no dataset is given (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", defaultValue = "42", description = "Seed to simulate when no dataset is given (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Strategy and execution parameters (default: the built-in defaults).")
    private Path engineConfig;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured passes (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured passes (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataPlaneAccess.atLeast("--warmup", warmup, 0);
        DataPlaneAccess.atLeast("--iterations", iterations, 1);
        EngineConfig config = LocalInputs.engineConfig(engineConfig);
        long start = System.nanoTime();
        List<MarketEvent> events;
        SimConfig sim;
        if (dataset != null) {
            try {
                Dataset data = DatasetReader.load(dataset);
                events = data.events();
                sim = data.header().simConfig();
            } catch (DatasetFormatException e) {
                throw new CliException(CliException.FAILED, e.getMessage(), e);
            }
            out.printf("loaded %s: %,d events in %,d ms%n", dataset, events.size(), (System.nanoTime() - start) / 1_000_000);
        } else {
            sim = SimConfig.defaults(seed, days);
            events = new ArrayList<>();
            new MarketSimulator(sim).run(events::add);
            out.printf("simulated --days %d --seed %d: %,d events in %,d ms%n", days, seed, events.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        Runtime rt = Runtime.getRuntime();
        out.printf("java %s, %d processors available, max heap %,d MiB; the engine runs in this one thread%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20);
        new ReferenceBenchmark(sim.universe(), events, config).run(warmup, iterations, out);
        return 0;
    }
}
