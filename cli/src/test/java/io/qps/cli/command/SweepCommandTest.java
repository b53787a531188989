package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.sweep.StatsColumns;
import io.qps.core.data.DatasetFiles;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.core.stats.PerformanceStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aThreePointSweepIsDeterministicAndEachRowIsThatPointsReferenceRun() throws IOException {
        SimConfig sim = SimConfig.defaults(9, 1).withDensity(0.05);
        Path file = dir.resolve("small.qpsd");
        DatasetFiles.generate(sim, file);

        CliRun first = CliRun.run("sweep", "--dataset", file.toString(), "--param",
                "alpha_2_breakout.channel_bars=10,20,30", "--threads", "3", "--out", dir.resolve("a.csv").toString());
        CliRun second = CliRun.run("sweep", "--dataset", file.toString(), "--param",
                "alpha_2_breakout.channel_bars=10,20,30", "--threads", "1", "--out", dir.resolve("b.csv").toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(second.exit()).as(second.err()).isZero();
        String csv = Files.readString(dir.resolve("a.csv"));
        assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo(csv);
        assertThat(table(first.out())).isEqualTo(table(second.out()));

        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(sim).run(events::add);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("point,alpha_2_breakout.channel_bars,").contains("total_pnl", "sharpe",
                "max_drawdown", "fills", "round_trips");
        String[] bars = {"10", "20", "30"};
        for (int i = 0; i < 3; i++) {
            EngineConfig c = EngineConfigFile.withOverrides(EngineConfig.defaults(),
                    Map.of("alpha_2_breakout.channel_bars", bars[i]));
            PerformanceStats total = ReferenceRun.run(sim.universe(), c, events).stats().get("TOTAL");
            StringBuilder expected = new StringBuilder((i + 1) + "," + bars[i]);
            for (StatsColumns.Column col : StatsColumns.all()) {
                expected.append(',').append(col.format(total));
            }
            assertThat(lines.get(i + 1)).isEqualTo(expected.toString());
        }
    }

    @Test
    void pointsAreInKeyOrderTheLastKeyFastest() throws IOException {
        Path file = dir.resolve("tiny.qpsd");
        DatasetFiles.generate(SimConfig.defaults(3, 1).withDensity(0.01), file);

        CliRun run = CliRun.run("sweep", "--dataset", file.toString(), "--param", "execution.latency=0s,1s",
                "--param", "alpha_2_breakout.channel_bars=30,10", "--out", dir.resolve("o.csv").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("o.csv")).lines().skip(1).map(l -> l.split(",", 4))
                .map(c -> c[1] + "/" + c[2]).toList()).containsExactly("30/0s", "30/1s", "10/0s", "10/1s");
    }

    @Test
    void walkForwardReportsOneRowPerWindowWithTheChosenPoint() throws IOException {
        Path file = dir.resolve("two.qpsd");
        DatasetFiles.generate(SimConfig.defaults(5, 2).withDensity(0.02), file);

        CliRun run = CliRun.run("sweep", "--dataset", file.toString(), "--param",
                "alpha_2_breakout.channel_bars=10,20", "--walk-forward", "1d/12h", "--out", dir.resolve("wf.csv").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readString(dir.resolve("wf.csv")).lines().toList();
        assertThat(lines.get(0)).startsWith("window,train_from,test_from,test_to,alpha_2_breakout.channel_bars,"
                + "train_total_pnl,test_").contains(",test_total_pnl,").contains(",test_round_trips");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("0,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,2024-01-02T12:00:00Z,");
        assertThat(lines.get(2)).startsWith("1,2024-01-01T12:00:00Z,2024-01-02T12:00:00Z,");
    }

    @Test
    void badParametersAreOneLineUsageErrors() {
        CliRun unknown = CliRun.run("sweep", "--dataset", "x.qpsd", "--param", "alpha_2_breakout.lookback=1,2");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown key 'alpha_2_breakout.lookback'");
        CliRun badWf = CliRun.run("sweep", "--dataset", "x.qpsd", "--param", "alpha_2_breakout.channel_bars=1,2",
                "--walk-forward", "2d");
        assertThat(badWf.exit()).isEqualTo(2);
        assertThat(badWf.err()).contains("expected TRAIN/TEST");
    }

    /** The printed table: its header and rows, without the lines naming threads, files and times. */
    private static List<String> table(String out) {
        return out.lines().filter(l -> l.startsWith("point") || l.matches("\\d.*")).toList();
    }
}
