package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.report.StatsTable;
import io.qps.core.data.DatasetFiles;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheSameDigestAsTheEngineForTheDatasetFile() {
        SimConfig sim = SimConfig.defaults(9, 1).withDensity(0.05);
        Path file = dir.resolve("small.qpsd");
        DatasetFiles.generate(sim, file);
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(sim).run(events::add);
        var result = ReferenceRun.run(sim.universe(), EngineConfig.defaults(), events);
        String digest = result.digest();
        long lastTotal = result.outputs().pnl().stream().filter(p -> p.book().equals("TOTAL"))
                .reduce((a, b) -> b).orElseThrow().totalPnl();

        CliRun run = CliRun.run("reference", "--dataset", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("digest all       " + digest);
        assertThat(run.out()).contains("alpha_1_pairs").contains("alpha_5_orderbook").contains("TOTAL");
        assertThat(run.out()).contains(String.format("events    %,d", events.size()));
        assertThat(run.out()).contains("pnl: total PnL").contains("last equity-curve sample");
        String totalLine = run.out().lines().filter(l -> l.startsWith("TOTAL ")).findFirst().orElseThrow();
        assertThat(totalLine.split("\\s+")[5]).as("TOTAL pnl, whole dollars, from the last equity sample")
                .isEqualTo(StatsTable.dollars(lastTotal));
    }

    @Test
    void aMissingDatasetIsOneLineAndExitTwo() {
        CliRun run = CliRun.run("reference", "--dataset", dir.resolve("nope.qpsd").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("no dataset file").contains("qps generate");
    }

    @Test
    void aCorruptDatasetIsOneLineAndExitOne() throws IOException {
        Path file = dir.resolve("bad.qpsd");
        DatasetFiles.generate(SimConfig.defaults(9, 1).withDensity(0.01), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);

        CliRun run = CliRun.run("reference", "--dataset", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("bad.qpsd").containsIgnoringCase("checksum");
    }

    @Test
    void anEngineConfigFileChangesTheRunAsTheEngineWouldWithThatConfig() throws IOException {
        SimConfig sim = SimConfig.defaults(9, 1).withDensity(0.05);
        Path file = dir.resolve("small.qpsd");
        DatasetFiles.generate(sim, file);
        Path params = dir.resolve("params.properties");
        Files.writeString(params, "strategies.enabled=alpha_2_breakout\nalpha_2_breakout.channel_bars=10\n");
        EngineConfig config = EngineConfigFile.withOverrides(EngineConfig.defaults(),
                Map.of("strategies.enabled", "alpha_2_breakout", "alpha_2_breakout.channel_bars", "10"));
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(sim).run(events::add);
        String digest = ReferenceRun.run(sim.universe(), config, events).digest();

        CliRun run = CliRun.run("reference", "--dataset", file.toString(), "--engine-config", params.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("digest all       " + digest)
                .contains("config    " + params + " (sha256 " + EngineConfigFile.sha256(config) + ")")
                .doesNotContain("alpha_1_pairs");
    }

    @Test
    void aBadEngineConfigIsOneLineNamingTheLineAndExitTwo() throws IOException {
        Path params = dir.resolve("bad.properties");
        Files.writeString(params, "# x\nexecution.latency=soon\n");

        CliRun run = CliRun.run("reference", "--dataset", dir.resolve("any.qpsd").toString(),
                "--engine-config", params.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(params + " line 2: execution.latency=soon");
    }

    @Test
    void benchRejectsZeroIterations() {
        CliRun run = CliRun.run("bench", "reference", "--iterations", "0");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--iterations");
    }
}
