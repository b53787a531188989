package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.SharedCluster;
import io.qps.core.data.DatasetReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code qps live} and {@code qps replay} on a real broker: the README's flow and its refusals. */
class RunCommandsIT {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    private static CliRun qps(String... args) {
        return CLUSTER.qps(args);
    }

    @Test
    void liveThenReplayThenRefusals() {
        Path dataset = dir.resolve("7-1d.qpsd");
        assertThat(qps("generate", "--days", "1", "--seed", "7", "--density", "0.02", "--out", dataset.toString())
                .exit()).isZero();
        long events;
        try (DatasetReader r = DatasetReader.open(dataset)) {
            events = r.trailer().eventCount();
        }
        String data = dir.resolve("qps").toString();

        CliRun live = qps("live", "--session-id", "clirun", "--dataset", dataset.toString(), "--partitions", "3",
                "--threads", "2", "--data-dir", data);
        assertThat(live.exit()).as(live.err()).isZero();
        List<String> lines = live.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith(String.format(Locale.ROOT, "published %,d events and ", events))
                && l.contains(String.format(Locale.ROOT, " progress markers of %s to qps.clirun.ticks (3 partitions,",
                        dataset)));
        assertThat(lines).anyMatch(l -> l.startsWith(String.format(Locale.ROOT, "run live of session clirun:"
                + " COMPLETE, %,d events, 3 partitions, 2 threads, ", events)));
        List<String> liveCounts = counts(lines, "live");
        assertThat(liveCounts).hasSize(4);

        CliRun replay = qps("replay", "--session-id", "clirun", "--data-dir", data);
        assertThat(replay.exit()).as(replay.err()).isZero();
        List<String> replayLines = replay.out().lines().toList();
        assertThat(replayLines).anyMatch(l -> l.startsWith(String.format(Locale.ROOT, "run replay-1 of session clirun:"
                + " COMPLETE, %,d events, 3 partitions, 1 threads, ", events)));
        assertThat(counts(replayLines, "replay-1")).isEqualTo(liveCounts);

        CliRun again = qps("live", "--session-id", "clirun", "--attach", "--data-dir", data);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("qps live: error: session 'clirun' already has a live run (status COMPLETE);"
                + " replay it with 'qps replay --session-id clirun'" + System.lineSeparator());

        CliRun unknown = qps("replay", "--session-id", "nosuch", "--data-dir", data);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("qps replay: error: no session 'nosuch' (qps sessions lists them)"
                + System.lineSeparator());

        CliRun badThreads = qps("replay", "--session-id", "clirun", "--threads", "0");
        assertThat(badThreads.exit()).isEqualTo(2);
        assertThat(badThreads.err()).isEqualTo("qps replay: error: --threads must be within 1..64, was 0"
                + System.lineSeparator());
    }

    /** The four per-topic lines of a run's summary as {@code <kind> <count>}, e.g. {@code orders 844}. */
    private static List<String> counts(List<String> lines, String run) {
        return lines.stream().filter(l -> l.startsWith("  ") && l.contains(" qps.clirun." + run + "."))
                .map(l -> l.trim().split(" +"))
                .map(f -> f[0] + " " + f[2])
                .toList();
    }
}
