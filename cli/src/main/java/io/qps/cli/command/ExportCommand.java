package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.export.ExportRows;
import io.qps.cli.export.RowWriter;
import io.qps.cli.report.TextTable;
import io.qps.producer.session.SessionId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps export}: a run's outputs as CSV or JSON lines in readable units. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a run's outputs as CSV or JSON lines, in causal-key order (seq, source, sub).",
            "Reads the run's output topics (read_committed); times are ISO-8601 UTC, prices and quantities decimals"
                + " in the instrument's places, money exact dollars. --what equity is the portfolio's (TOTAL)"
                + " equity curve with its running peak and drawdown."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--session-id", required = true, paramLabel = "ID", description = "Session id.")
    private String session;

    @Option(names = "--run", defaultValue = "live", paramLabel = "RUN", description = "live (default) or replay-N.")
    private String run;

    @Option(names = "--what", required = true, paramLabel = "WHAT",
            description = "orders, fills, rejects, positions, pnl or equity.")
    private String what;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv (default) or jsonl.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: standard output).")
    private Path out;

    @Override
    public Integer call() {
        ExportRows.What kind = parse(ExportRows.What.class, what, "--what");
        RowWriter.Format fmt = parse(RowWriter.Format.class, format, "--format");
        SessionId id = DataPlaneAccess.session(session);
        RunOutputs.RunData data = RunOutputs.read(DataPlaneAccess.reachable(clusterOptions), id, run);
        List<List<ExportRows.Cell>> rows = new ExportRows(data.universe()).rows(kind, data.results());
        if (out == null) {
            RowWriter.write(spec.commandLine().getOut(), fmt, rows);
        } else {
            StringWriter text = new StringWriter();
            RowWriter.write(new PrintWriter(text), fmt, rows);
            TextTable.writeAtomically(out, text.toString());
            spec.commandLine().getErr().printf("exported %,d %s of %s/%s to %s%n", rows.size(), kind.code(), id, run,
                    out);
        }
        return 0;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, option + " " + value + ": expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList());
        }
    }
}
