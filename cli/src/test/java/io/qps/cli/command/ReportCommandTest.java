package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.core.data.DatasetFiles;
import io.qps.core.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qps report} without a broker: the reference engine's run over a dataset, and the one-line refusals. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesASelfContainedReportOfTheReferenceRun() throws IOException {
        Path file = dir.resolve("small.qpsd");
        DatasetFiles.generate(SimConfig.defaults(9, 1).withDensity(0.05), file);
        Path html = dir.resolve("out/r.html");

        CliRun run = CliRun.run("report", "--dataset", file.toString(), "--out", html.toString(), "--fills", "20");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("report: " + html).contains("run reference").contains("not verified");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("echarts").contains("\"limit\":20")
                .contains("NOT VERIFIED").doesNotContain("<script src");
    }

    @Test
    void needsEitherASessionOrADataset() {
        CliRun neither = CliRun.run("report");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err().strip()).doesNotContain("\n").contains("--session-id").contains("--dataset");

        CliRun both = CliRun.run("report", "--session-id", "s1", "--dataset", "x.qpsd");
        assertThat(both.exit()).isEqualTo(2);
    }

    @Test
    void anUnverifiedSessionSaysToVerifyFirst() {
        CliRun run = CliRun.run("report", "--session-id", "s1", "--results", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("results_detailed.json")
                .contains("qps verify --session-id s1");
    }
}
