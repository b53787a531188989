package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetSummary;
import io.qps.core.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps generate}: runs the seeded market simulator into a dataset file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a dataset file with the seeded market simulator.",
            "The same --seed, --days and --density give a byte-identical file on every machine."})
public final class GenerateCommand implements Runnable {
    /** Most simulated days (as {@code SimConfig} checks). */
    static final int MAX_DAYS = 366;
    /** Highest density (as {@code SimConfig} checks). */
    static final double MAX_DENSITY = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3",
            description = "Simulated days, 1..366 (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--density", paramLabel = "X", defaultValue = "1.0",
            description = "Event-rate multiplier within (0, 10] (default: ${DEFAULT-VALUE}).")
    private double density;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: data/<seed>-<days>d.qpsd).")
    private Path out;

    @Override
    public void run() {
        DataPlaneAccess.within("--days", days, 1, MAX_DAYS);
        if (!(density > 0 && density <= MAX_DENSITY)) {
            throw new CliException(CliException.USAGE, "--density must be within (0, " + (int) MAX_DENSITY + "], was "
                    + density);
        }
        SimConfig config;
        try {
            config = SimConfig.defaults(seed, days).withDensity(density);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        Path file = out != null ? out : Path.of("data", seed + "-" + days + "d.qpsd");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new CliException(CliException.FAILED, "cannot create the folder of " + file + ": " + e.getMessage());
        }
        DatasetSummary summary;
        try {
            summary = DatasetFiles.generate(config, file);
        } catch (RuntimeException e) {
            throw DataPlaneAccess.unreadable(e);
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "generated %s: %,d events, %,d bytes, sha256 %s",
                summary.file(), summary.eventCount(), summary.bytes(), summary.sha256()));
    }
}
