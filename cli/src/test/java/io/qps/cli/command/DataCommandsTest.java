package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.core.data.DatasetReader;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, inspect, publish, consume and bench: parsing, output and one-line errors, with no broker. */
class DataCommandsTest {
    @TempDir
    static Path dir;
    private static Path dataset;

    @BeforeAll
    static void generate() {
        dataset = dir.resolve("7-1d.qpsd");
        CliRun run = CliRun.run("generate", "--days", "1", "--seed", "7", "--density", "0.01", "--out",
                dataset.toString());
        assertThat(run.exit()).isZero();
        try (DatasetReader r = DatasetReader.open(dataset)) {
            assertThat(run.out()).isEqualTo(String.format(Locale.ROOT, "generated %s: %,d events, %,d bytes, sha256 %s%n",
                    dataset, r.trailer().eventCount(), sizeOf(dataset), r.sha256()));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void generateRefusesInvalidDays() {
        CliRun run = CliRun.run("generate", "--days", "0", "--out", dir.resolve("x.qpsd").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(String.format("qps generate: error: --days must be within 1..366, was 0%n"));
    }

    @Test
    void inspectShowsHeaderCountsAndVerifiedChecksum() {
        CliRun run = CliRun.run("inspect", "--dataset", dataset.toString());
        assertThat(run.exit()).isZero();
        List<String> lines = run.out().lines().toList();
        try (DatasetReader r = DatasetReader.open(dataset)) {
            assertThat(lines.subList(0, 9)).containsExactly(
                    "file         " + dataset,
                    "format       1",
                    "seed         7",
                    "days         1",
                    "start        2024-01-01T00:00:00Z",
                    "density      0.01",
                    String.format(Locale.ROOT, "events       %,d", r.trailer().eventCount()),
                    "sha256       " + r.sha256() + " (verified)",
                    "id   symbol    class    depth   tick       events");
            assertThat(lines.get(9)).isEqualTo(String.format(Locale.ROOT, "0    BTC-USD   CRYPTO      L2   0.01 %,12d",
                    r.trailer().eventsPerInstrument().get(0)));
            assertThat(lines).hasSize(19);
        }
    }

    @Test
    void inspectNamesACorruptFileInOneLine() throws Exception {
        Path bad = dir.resolve("bad.qpsd");
        Files.copy(dataset, bad);
        try (RandomAccessFile f = new RandomAccessFile(bad.toFile(), "rw")) {
            long middle = f.length() / 2;
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0xff);
        }
        CliRun run = CliRun.run("inspect", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("qps inspect: error: " + bad + " at byte ").contains("checksum mismatch")
                .endsWith("the file is corrupt; regenerate it or copy it again" + System.lineSeparator());
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void inspectAndPublishNameAMissingDataset() {
        CliRun inspect = CliRun.run("inspect", "no/such.qpsd");
        assertThat(inspect.exit()).isEqualTo(2);
        assertThat(inspect.err()).isEqualTo(String.format(
                "qps inspect: error: no dataset file 'no/such.qpsd' (create one with 'qps generate')%n"));
        CliRun publish = CliRun.run("publish", "--session", "s1", "--dataset", "no/such.qpsd");
        assertThat(publish.exit()).isEqualTo(2);
        assertThat(publish.err()).isEqualTo(String.format(
                "qps publish: error: no dataset file 'no/such.qpsd' (create one with 'qps generate')%n"));
    }

    @Test
    void publishRefusesUnsafeSessionsAndInvalidFlags() {
        CliRun unsafe = CliRun.run("publish", "--session", "../etc", "--dataset", dataset.toString());
        assertThat(unsafe.exit()).isEqualTo(2);
        assertThat(unsafe.err()).isEqualTo(String.format("qps publish: error: invalid session id '../etc': only"
                + " A-Z a-z 0-9 . _ - are allowed (it must be a safe Kafka topic and file name)%n"));

        CliRun speed = CliRun.run("publish", "--session", "s1", "--dataset", dataset.toString(), "--speed", "-2");
        assertThat(speed.exit()).isEqualTo(2);
        assertThat(speed.err()).isEqualTo(String.format(
                "qps publish: error: --speed must be a positive multiple of real time (1, 60, 2.5) or max, was '-2'%n"));

        CliRun partitions = CliRun.run("publish", "--session", "s1", "--dataset", dataset.toString(),
                "--partitions", "0");
        assertThat(partitions.exit()).isEqualTo(2);
        assertThat(partitions.err()).isEqualTo(String.format(
                "qps publish: error: --partitions must be within 1..10000, was 0%n"));

        CliRun assignment = CliRun.run("publish", "--session", "s1", "--dataset", dataset.toString(),
                "--assignment", "round-robin");
        assertThat(assignment.exit()).isEqualTo(2);
        assertThat(assignment.err()).isEqualTo(String.format(
                "qps publish: error: --assignment must be balanced or hash, was 'round-robin'%n"));

        CliRun every = CliRun.run("publish", "--session", "s1", "--dataset", dataset.toString(),
                "--progress-every", "0");
        assertThat(every.exit()).isEqualTo(2);
        assertThat(every.err()).isEqualTo(String.format(
                "qps publish: error: --progress-every must be at least 1 event, was 0%n"));

        CliRun live = CliRun.run("live", "--session", "s1", "--dataset", dataset.toString(), "--progress-ms", "0");
        assertThat(live.exit()).isEqualTo(2);
        assertThat(live.err()).isEqualTo(String.format("qps live: error: --progress-ms must be at least 1 ms, was 0%n"));

        CliRun missing = CliRun.run("publish", "--dataset", dataset.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(String.format(
                "qps publish: Missing required option: '--session-id=ID' (see 'qps publish --help')%n"));
    }

    @Test
    void consumeNamesAnUnreachableBroker() throws Exception {
        int port = freePort();
        CliRun run = CliRun.run("consume", "--session", "s1", "--bootstrap", "127.0.0.1:" + port);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(String.format("qps consume: error: no Kafka broker answers at 127.0.0.1:%d"
                + ": cannot connect (nothing listening?) (start one with 'qps up' or pass --bootstrap)%n", port));
    }

    @Test
    void consumeCheckNeedsAnExistingDataset() {
        CliRun run = CliRun.run("consume", "--session", "s1", "--check", "nope.qpsd");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(String.format(
                "qps consume: error: no dataset file 'nope.qpsd' (create one with 'qps generate')%n"));
    }

    @Test
    void benchPublishHasHelp() {
        CliRun run = CliRun.run("bench", "publish", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: qps bench publish ").contains("--rounds=N").contains("--set=KEY=VALUE");
    }
}
