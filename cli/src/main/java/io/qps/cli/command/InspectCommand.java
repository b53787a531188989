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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qps inspect FILE}: a dataset file's header, instruments, event counts and checksum. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show a dataset file's header, instruments and event counts, after verifying its SHA-256."})
public final class InspectCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DATASET", description = "The dataset file.")
    private Path dataset;

    @Override
    public void run() {
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
