package io.qps.cli.command;

import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetReader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.instrument.Instrument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import io.qps.cli.CliException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qps inspect --dataset FILE}: a dataset file's header, instruments, event counts and checksum. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a dataset file's header, instruments and event counts, after verifying its SHA-256."})
public final class InspectCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "FILE", description = "The dataset file, required (from qps generate or"
            + " qps import).")
    private Path dataset;

    /** The former way to name the file, {@code qps inspect FILE}: still accepted, not shown. */
    @Parameters(paramLabel = "FILE", arity = "0..1", hidden = true)
    private Path positional;

    @Override
    public void run() {
        if (dataset != null && positional != null) {
            throw new CliException(CliException.USAGE, "name the dataset once, with --dataset FILE");
        }
        Path dataset = this.dataset != null ? this.dataset : positional;
        if (dataset == null) {
            throw new CliException(CliException.USAGE, "missing --dataset FILE (see 'qps inspect --help')");
        }
        DataPlaneAccess.existingDataset(dataset);
        DatasetHeader h;
        DatasetTrailer t;
        try (DatasetReader reader = DatasetReader.open(dataset)) {
            h = reader.header();
            t = reader.trailer();
        } catch (RuntimeException e) {
            throw DataPlaneAccess.unreadable(e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("file         " + dataset);
        out.println("format       " + h.formatVersion());
        out.println("seed         " + h.seed());
        out.println("days         " + h.days());
        out.println("start        " + Instant.ofEpochSecond(h.startMicros() / 1_000_000L));
        out.println("density      " + h.densityScale());
        out.println(String.format(Locale.ROOT, "events       %,d", t.eventCount()));
        out.println("sha256       " + t.sha256() + " (verified)");
        out.println(String.format(Locale.ROOT, "%-4s %-9s %-7s %6s %6s %12s", "id", "symbol", "class", "depth",
                "tick", "events"));
        for (Instrument i : h.instruments()) {
            out.println(String.format(Locale.ROOT, "%-4d %-9s %-7s %6s %6s %,12d", i.id(), i.symbol(),
                    i.assetClass(), i.hasDepth() ? "L2" : "top", i.formatPrice(i.tickSize()),
                    t.eventsPerInstrument().get(i.id())));
        }
    }
}
