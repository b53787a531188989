package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to every command, no broker needed: a missing dataset file, numbers out of range, an unreachable broker.
 * Each case must end within {@link BadInputCase#BOUND_NANOS} with exactly one line on stderr naming the flag or the
 * thing, and the documented exit code (2 invalid input, 1 an unreachable broker). Cases that need a reachable broker
 * (an unknown session or run, an unreachable registry) are in {@code BadInputIT}.
 */
class BadInputTest {
    private static final String NOWHERE = "127.0.0.1:1";
    private static final String BROKER = "no Kafka broker answers at " + NOWHERE;
    @TempDir
    static Path dir;
    private static String dataset;
    private static String missing;

    @BeforeAll
    static void dataset() {
        Path file = dir.resolve("7-1d.qpsd");
        assertThat(CliRun.run("generate", "--days", "1", "--seed", "7", "--density", "0.01", "--out", file.toString())
                .exit()).isZero();
        dataset = file.toString();
        missing = dir.resolve("missing.qpsd").toString();
    }

    @Test
    void invalidInputIsOneLineNamingTheFlagOrTheFileWithExitTwo() throws Exception {
        String noFile = "no dataset file '" + missing + "'";
        List<BadInputCase> cases = List.of(
                BadInputCase.of(2, "--days must be within 1..366, was 0", "generate", "--days", "0"),
                BadInputCase.of(2, "--density must be within (0, 10], was 11.0", "generate", "--density", "11"),
                BadInputCase.of(2, "--density must be within (0, 10], was 0.0", "generate", "--density", "0"),
                BadInputCase.of(2, noFile, "inspect", "--dataset", missing),
                BadInputCase.of(2, noFile, "inspect", missing),
                BadInputCase.of(2, noFile, "reference", "--dataset", missing),
                BadInputCase.of(2, noFile, "sweep", "--dataset", missing, "--param", "alpha_2_breakout.channel_bars=20"),
                BadInputCase.of(2, "--threads must be at least 1, was 0", "sweep", "--dataset", dataset, "--param",
                        "alpha_2_breakout.channel_bars=20", "--threads", "0"),
                BadInputCase.of(2, "no CSV file '" + missing + "'", "import", "--csv", missing, "--out",
                        dir.resolve("x.qpsd").toString()),
                BadInputCase.of(2, noFile, "publish", "--session-id", "s1", "--dataset", missing),
                BadInputCase.of(2, "--partitions must be within 1..10000, was 0", "publish", "--session-id", "s1",
                        "--dataset", dataset, "--partitions", "0"),
                BadInputCase.of(2, "--speed must be a positive multiple", "publish", "--session-id", "s1", "--dataset",
                        dataset, "--speed", "-1"),
                BadInputCase.of(2, "invalid session id '../x'", "publish", "--session-id", "../x", "--dataset",
                        dataset),
                BadInputCase.of(2, noFile, "live", "--session-id", "s1", "--dataset", missing),
                BadInputCase.of(2, "--partitions must be within 1..10000, was 0", "live", "--session-id", "s1",
                        "--dataset", dataset, "--partitions", "0"),
                BadInputCase.of(2, "--threads must be within 1..64, was 65", "live", "--session-id", "s1",
                        "--threads", "65"),
                BadInputCase.of(2, "--wait must be at least 0, was -1", "live", "--session-id", "s1", "--attach",
                        "--wait", "-1"),
                BadInputCase.of(2, "--stall-timeout must be at least 5 seconds, was 1", "replay", "--session-id", "s1",
                        "--stall-timeout", "1"),
                BadInputCase.of(2, "--broker-window must be at least 5 seconds, was 0", "replay", "--session-id",
                        "s1", "--broker-window", "0"),
                BadInputCase.of(2, "--threads must be within 1..64, was 0", "replay", "--session-id", "s1",
                        "--threads", "0"),
                BadInputCase.of(2, "--limit must be at least 1, was -5", "consume", "--session-id", "s1", "--limit",
                        "-5"),
                BadInputCase.of(2, "--limit must be at least 1, was 0", "consume", "--session-id", "s1", "--limit",
                        "0"),
                BadInputCase.of(2, noFile, "consume", "--session-id", "s1", "--check", missing),
                BadInputCase.of(2, "--topic bogus", "consume", "--session-id", "s1", "--topic", "bogus"),
                BadInputCase.of(2, noFile, "verify", "--session-id", "s1", "--dataset", missing),
                BadInputCase.of(2, noFile, "report", "--dataset", missing),
                BadInputCase.of(2, "--fills must be >= 0, was -1", "report", "--session-id", "s1", "--fills", "-1"),
                BadInputCase.of(2, "--what bogus", "export", "--session-id", "s1", "--what", "bogus"),
                BadInputCase.of(2, "--wait must be at least 0, was -1", "worker", "--session-id", "s1", "--wait",
                        "-1"),
                BadInputCase.of(2, "invalid session id 'a/b'", "sessions", "delete", "a/b"),
                BadInputCase.of(2, "--iterations must be at least 1, was 0", "bench", "reference", "--iterations",
                        "0"),
                BadInputCase.of(2, "--partitions must be within 1..10000, was 0", "bench", "publish", "--dataset",
                        dataset, "--partitions", "0"),
                BadInputCase.of(2, "--partitions must be within 1..10000, was 0", "bench", "pipeline", "--dataset",
                        dataset, "--partitions", "0"),
                BadInputCase.of(2, noFile, "bench", "pipeline", "--dataset", missing),
                BadInputCase.of(2, "--partitions must be within 1..10000, was 0", "demo", "--partitions", "0"),
                BadInputCase.of(2, "--kafka-port must be within 0..65535, was 70000", "up", "--kafka-port", "70000",
                        "--data-dir", dir.resolve("data").toString()),
                BadInputCase.of(2, "--registry-port must be within 0..65535, was -1", "up", "--registry-port", "-1",
                        "--data-dir", dir.resolve("data").toString()),
                BadInputCase.of(2, "Missing required option: '--session-id=ID'", "replay"),
                BadInputCase.of(2, "Unknown options: '--bootstrap'", "generate", "--bootstrap", NOWHERE));
        check(cases, 1);
    }

    @Test
    void anUnreachableBrokerIsOneLineNamingItsAddressWithinFiveSeconds() throws Exception {
        List<BadInputCase> cases = new ArrayList<>();
        for (List<String> command : List.of(
                List.of("publish", "--session-id", "s1", "--dataset", dataset),
                List.of("live", "--session-id", "s1", "--dataset", dataset),
                List.of("live", "--session-id", "s1", "--attach"),
                List.of("replay", "--session-id", "s1"),
                List.of("consume", "--session-id", "s1"),
                List.of("consume", "--session-id", "s1", "--topic", "orders"),
                List.of("verify", "--session-id", "s1"),
                List.of("results"),
                List.of("results", "--session-id", "s1"),
                List.of("report", "--session-id", "s1", "--results", BadInputCase.verifiedFolder(dir, "s1")),
                List.of("export", "--session-id", "s1", "--what", "orders"),
                List.of("sessions"),
                List.of("sessions", "delete", "s1"),
                List.of("worker", "--session-id", "s1"),
                List.of("bench", "publish", "--dataset", dataset),
                List.of("bench", "pipeline", "--dataset", dataset))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--bootstrap", NOWHERE));
            if (CliRun.command(command.toArray(new String[0])).findOption("--data-dir") != null) {
                args.addAll(List.of("--data-dir", dir.resolve("data").toString()));
            }
            cases.add(BadInputCase.of(1, BROKER, args.toArray(new String[0])));
        }
        cases.add(BadInputCase.of(1, BROKER, "sessions", "--bootstrap", NOWHERE, "delete", "s1", "--data-dir",
                dir.resolve("data").toString()));
        check(cases, 4);

        long start = System.nanoTime();
        CliRun status = CliRun.run("status", "--bootstrap", NOWHERE, "--registry-url", "http://" + NOWHERE,
                "--data-dir", dir.resolve("data").toString(), "--json");
        assertThat(System.nanoTime() - start).isLessThan(BadInputCase.BOUND_NANOS);
        assertThat(status.exit()).isEqualTo(3);
        assertThat(status.err()).isEmpty();
        assertThat(status.out()).contains("\"all_up\":false").contains("\"endpoint\":\"" + NOWHERE + "\"");
    }

    /** Runs the cases on {@code threads} threads and checks every one, reporting all failures together. */
    private static void check(List<BadInputCase> cases, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<BadInputCase.Outcome>> outcomes = new ArrayList<>();
            for (BadInputCase c : cases) {
                outcomes.add(pool.submit(() -> c.run()));
            }
            SoftAssertions soft = new SoftAssertions();
            for (Future<BadInputCase.Outcome> f : outcomes) {
                f.get().check(soft);
            }
            soft.assertAll();
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.exists(dir.resolve("x.qpsd"))).isFalse();
    }
}
