package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.report.TextTable;
import io.qps.cli.sweep.StatsColumns;
import io.qps.cli.sweep.SweepGrid;
import io.qps.cli.sweep.SweepRunner;
import io.qps.cli.sweep.SweepRunner.PointResult;
import io.qps.cli.sweep.WalkForward;
import io.qps.core.data.Dataset;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigException;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.market.MarketEvent;
import io.qps.core.portfolio.PnlSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps sweep}: the reference engine over a grid of parameter values, one statistics row per point. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the reference engine over a dataset for every combination of parameter values.",
            "Points: the cartesian product of the --param lists; rows in order of the keys (sorted), the last key"
                + " varying fastest, values in the order given. Each point is an independent reference run (no"
                + " Kafka), several at once on --threads; the table does not depend on the thread count.",
            "Columns: the swept values, then every statistic of the chosen book (qps reference's figures; money in"
                + " exact dollars).",
            "With --walk-forward TRAIN/TEST (e.g. 2d/1d) the data's event time is cut into windows of TRAIN then"
                + " TEST (windows step by TEST); in each, every point runs on TRAIN, the one with the highest total"
                + " PnL (ties: the earliest point) is run on TEST, and its out-of-sample figures are reported. Each"
                + " window segment starts flat, with indicators warming up from nothing."})
public final class SweepCommand implements Callable<Integer> {
    /** The statistics the printed table shows (the CSV has them all), when the stats record has them. */
    private static final Set<String> SHOWN = Set.of("total_pnl", "sharpe", "sortino", "max_drawdown", "fills",
            "round_trips", "hit_rate", "profit_factor", "fees");

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "Dataset file (from qps generate).")
    private Path dataset;

    @Option(names = "--param", required = true, paramLabel = "KEY=V1,V2,...",
            description = "A parameter and its values (keys as in config/engine.properties); repeat for more, e.g."
                    + " --param alpha_2_breakout.channel_bars=20,40,60.")
    private List<String> params;

    @Option(names = "--engine-config", paramLabel = "FILE",
            description = "Parameters every point starts from (default: the built-in defaults).")
    private Path engineConfig;

    @Option(names = "--threads", paramLabel = "N",
            description = "Engine runs at once (default: the number of processors).")
    private Integer threads;

    @Option(names = "--book", paramLabel = "BOOK", defaultValue = PnlSnapshot.TOTAL,
            description = "Whose statistics: TOTAL (default) or a strategy code such as alpha_2_breakout.")
    private String book;

    @Option(names = "--walk-forward", paramLabel = "TRAIN/TEST",
            description = "Walk-forward evaluation, durations with units (s m h d), e.g. 2d/1d.")
    private String walkForward;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as CSV (all statistics).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        EngineConfig base = LocalInputs.engineConfig(engineConfig);
        SweepGrid grid;
        long[] periods = null;
        try {
            grid = SweepGrid.parse(params);
            if (walkForward != null) {
                periods = walkForwardPeriods(walkForward);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new CliException(CliException.USAGE, "--threads must be at least 1, was " + n);
        }
        List<Map<String, String>> points = grid.points();
        long started = System.nanoTime();
        Dataset data = LocalInputs.dataset(dataset);
        double readSeconds = (System.nanoTime() - started) / 1e9;
        SweepRunner runner = new SweepRunner(data.header().universe(), base, book, n);
        try {
            runner.configs(points);
        } catch (EngineConfigException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        w.printf("dataset  %s (sha256 %s): %,d events, read in %.1f s%n", dataset, data.sha256(),
                data.events().size(), readSeconds);
        w.printf("sweep    %d points (%s), book %s, %d threads, base configuration %s%n", points.size(),
                String.join(" x ", grid.keys()), book, n, engineConfig == null ? "defaults" : engineConfig);
        w.println();
        TextTable shown;
        TextTable full;
        try {
            if (periods == null) {
                List<PointResult> results = runner.run(points, data.events());
                shown = pointsTable(grid, results, true);
                full = pointsTable(grid, results, false);
            } else {
                List<TextTable> tables = walkForward(grid, runner, points, data, periods, w);
                shown = tables.get(0);
                full = tables.get(1);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        shown.print(w);
        w.println();
        w.printf("elapsed  %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (out != null) {
            full.writeCsv(out);
            w.printf("csv      %s%n", out);
        }
        w.flush();
        return 0;
    }

    private List<TextTable> walkForward(SweepGrid grid, SweepRunner runner, List<Map<String, String>> points,
                                        Dataset data, long[] periods, PrintWriter w) {
        List<MarketEvent> events = data.events();
        long days = Math.multiplyExact(data.header().days(), 86_400_000_000L);
        long end = Math.max(Math.addExact(data.header().startMicros(), days),
                events.isEmpty() ? 0 : events.get(events.size() - 1).timestampMicros() + 1);
        List<WalkForward.Window> windows = WalkForward.windows(data.header().startMicros(), end, periods[0], periods[1]);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("--walk-forward " + walkForward + ": the data (" + iso(data.header()
                    .startMicros()) + " to " + iso(end) + ") is shorter than one training period");
        }
        w.printf("walk-forward %s: %d windows; the best training point (highest total PnL, ties: earliest) is tested%n",
                walkForward, windows.size());
        List<String> head = new ArrayList<>(List.of("window", "train_from", "test_from", "test_to"));
        head.addAll(grid.keys());
        head.add("train_total_pnl");
        TextTable shown = new TextTable(withStats(head, true, "test_"));
        TextTable full = new TextTable(withStats(head, false, "test_"));
        for (WalkForward.Window win : windows) {
            List<PointResult> train = runner.run(points, WalkForward.slice(events, win.trainStart(), win.trainEnd()));
            PointResult chosen = train.get(WalkForward.best(train));
            PointResult test = runner.run(List.of(chosen.point()),
                    WalkForward.slice(events, win.trainEnd(), win.testEnd())).get(0);
            List<String> row = new ArrayList<>(List.of(Integer.toString(win.index()), iso(win.trainStart()),
                    iso(win.trainEnd()), iso(win.testEnd())));
            row.addAll(chosen.point().values());
            row.add(StatsColumns.named("total_pnl").format(chosen.stats()));
            shown.add(withStats(row, test, true));
            full.add(withStats(row, test, false));
        }
        return List.of(shown, full);
    }

    private static TextTable pointsTable(SweepGrid grid, List<PointResult> results, boolean shownOnly) {
        List<String> head = new ArrayList<>(List.of("point"));
        head.addAll(grid.keys());
        TextTable t = new TextTable(withStats(head, shownOnly, ""));
        for (int i = 0; i < results.size(); i++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1)));
            row.addAll(results.get(i).point().values());
            t.add(withStats(row, results.get(i), shownOnly));
        }
        return t;
    }

    private static List<String> withStats(List<String> head, boolean shownOnly, String prefix) {
        List<String> h = new ArrayList<>(head);
        for (StatsColumns.Column c : StatsColumns.all()) {
            if (!shownOnly || SHOWN.contains(c.name())) {
                h.add(prefix + c.name());
            }
        }
        return h;
    }

    private static List<String> withStats(List<String> row, PointResult r, boolean shownOnly) {
        List<String> cells = new ArrayList<>(row);
        for (StatsColumns.Column c : StatsColumns.all()) {
            if (!shownOnly || SHOWN.contains(c.name())) {
                cells.add(c.format(r.stats()));
            }
        }
        return cells;
    }

    static long[] walkForwardPeriods(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--walk-forward " + text + ": expected TRAIN/TEST, e.g. 2d/1d");
        }
        try {
            long train = EngineConfigFile.parseDuration(parts[0]);
            long test = EngineConfigFile.parseDuration(parts[1]);
            if (train <= 0 || test <= 0) {
                throw new IllegalArgumentException("periods must be positive");
            }
            return new long[] {train, test};
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("--walk-forward " + text + ": " + e.getMessage());
        }
    }

    private static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .toString();
    }
}
