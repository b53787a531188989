package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.core.data.DatasetSummary;
import io.qps.core.data.TickCsvException;
import io.qps.core.data.TickCsvImporter;
import io.qps.core.instrument.Universe;
import io.qps.core.instrument.UniverseFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps import}: market data from CSV into a dataset file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Build a dataset file (.qpsd) from market data in CSV.",
            "Columns: ts,symbol,type,bid,bid_size,ask,ask_size,price,size,side,bids,asks (header line required);"
                + " type Q quote, T trade (side = aggressor BUY|SELL), B book (bids/asks as price:size;price:size"
                + " best first); ts ISO-8601 or epoch microseconds; decimal prices and sizes converted exactly to"
                + " the instrument's ticks and lots.",
            "Events are ordered by time, then instrument id, then line. Every bad line is reported (the first 20)"
                + " and nothing is written. Example: config/sample-ticks.csv."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The market data.")
    private Path csv;

    @Option(names = "--instruments", paramLabel = "FILE",
            description = "The instruments (default: the standard universe, as in config/instruments.properties).")
    private Path instruments;

    @Option(names = "--out", required = true, paramLabel = "DATASET", description = "The dataset file to write.")
    private Path out;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(csv)) {
            throw new CliException(CliException.USAGE, "no CSV file '" + csv + "' (--csv)");
        }
        Universe universe;
        try {
            universe = instruments == null ? Universe.standard() : UniverseFile.load(instruments);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        PrintWriter w = spec.commandLine().getOut();
        DatasetSummary summary;
        try {
            summary = TickCsvImporter.importFile(csv, universe, out);
        } catch (TickCsvException e) {
            StringBuilder msg = new StringBuilder(e.getMessage());
            e.lines().forEach(l -> msg.append(System.lineSeparator()).append("  ").append(l));
            throw new CliException(CliException.FAILED, msg.toString());
        } catch (UncheckedIOException e) {
            throw DataPlaneAccess.unreadable(e);
        }
        w.printf("imported %s: %,d events, %,d bytes, sha256 %s%n", summary.file(), summary.eventCount(),
                summary.bytes(), summary.sha256());
        w.flush();
        return 0;
    }
}
