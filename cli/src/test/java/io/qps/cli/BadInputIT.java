package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad input of {@link BadInputTest} that needs a reachable broker: an unknown session or run (one wording
 * everywhere, exit 2) and an unreachable registry (exit 1), each one line on stderr within five seconds.
 */
class BadInputIT {
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();
    private static final String NO_REGISTRY = "http://127.0.0.1:1";
    private static final String SESSION = "badinput";
    @TempDir
    static Path dir;
    private static String dataset;

    @BeforeAll
    static void publishASessionWithoutRuns() {
        dataset = dir.resolve("7-1d.qpsd").toString();
        assertThat(CLUSTER.qps("generate", "--days", "1", "--seed", "7", "--density", "0.01", "--out", dataset)
                .exit()).isZero();
        CliRun publish = CLUSTER.qps("publish", "--session-id", SESSION, "--dataset", dataset, "--partitions", "2",
                "--force");
        assertThat(publish.exit()).as(publish.err()).isZero();
    }

    @Test
    void anUnknownSessionOrRunHasOneWordingAndExitTwoEverywhere() {
        String noSession = "error: no session 'nosuch' (qps sessions lists them)";
        String noRun = "error: no run 'replay-9' in session '" + SESSION + "' (its runs: none; qps sessions lists them)";
        List<BadInputCase> cases = List.of(
                onCluster(2, noSession, "replay", "--session-id", "nosuch"),
                onCluster(2, noSession, "verify", "--session-id", "nosuch"),
                onCluster(2, noSession, "consume", "--session-id", "nosuch"),
                onCluster(2, noSession, "consume", "--session-id", "nosuch", "--topic", "orders"),
                onCluster(2, noSession, "export", "--session-id", "nosuch", "--what", "orders"),
                onCluster(2, noSession, "report", "--session-id", "nosuch", "--results", verified("nosuch")),
                onCluster(2, noSession, "results", "--session-id", "nosuch"),
                onCluster(2, noSession, "worker", "--session-id", "nosuch", "--data-dir", dir.toString()),
                onCluster(2, noSession, "sessions", "delete", "nosuch", "--data-dir", dir.toString()),
                onCluster(2, noRun, "export", "--session-id", SESSION, "--run", "replay-9", "--what", "orders"),
                onCluster(2, noRun, "consume", "--session-id", SESSION, "--topic", "fills", "--run", "replay-9"),
                onCluster(2, noRun, "report", "--session-id", SESSION, "--run", "replay-9", "--results",
                        verified(SESSION)),
                onCluster(2, "error: no run 'live' in session '" + SESSION + "'", "verify", "--session-id", SESSION,
                        "--replay", "replay-9"));
        check(cases);
    }

    @Test
    void anUnreachableRegistryIsOneLineNamingItsAddress() {
        String message = "error: no schema registry answers at " + NO_REGISTRY + ": cannot connect (nothing"
                + " listening?) (start one with 'qps up' or pass --registry-url)";
        List<BadInputCase> cases = new ArrayList<>();
        for (List<String> command : List.of(
                List.of("publish", "--session-id", "other", "--dataset", dataset),
                List.of("live", "--session-id", "other", "--attach", "--data-dir", dir.toString()),
                List.of("replay", "--session-id", SESSION, "--data-dir", dir.toString()),
                List.of("verify", "--session-id", SESSION),
                List.of("consume", "--session-id", SESSION),
                List.of("export", "--session-id", SESSION, "--what", "orders"),
                List.of("report", "--session-id", SESSION, "--results", verified(SESSION)),
                List.of("results", "--session-id", SESSION),
                List.of("sessions"),
                List.of("sessions", "delete", SESSION, "--data-dir", dir.toString()),
                List.of("worker", "--session-id", SESSION, "--data-dir", dir.toString()),
                List.of("bench", "publish", "--dataset", dataset))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--bootstrap", CLUSTER.bootstrap(), "--registry-url", NO_REGISTRY));
            cases.add(BadInputCase.of(1, message, args.toArray(new String[0])));
        }
        check(cases);
    }

    @Test
    void resultsAsJsonIsOneObjectKeyedBySessionAndASessionWithoutResultSaysToVerify() throws Exception {
        CliRun all = CLUSTER.qps("results", "--json");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out().lines()).hasSize(1);
        JsonNode node = new ObjectMapper().readTree(all.out());
        assertThat(node.isObject()).isTrue();
        node.properties().forEach(e -> assertThat(e.getValue().isObject()).as(e.getKey()).isTrue());

        CliRun none = CLUSTER.qps("results", "--session-id", SESSION, "--json");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("qps results: error: session '" + SESSION + "' has no result on qps.results"
                + " yet: run 'qps verify --session-id " + SESSION + "'" + System.lineSeparator());
    }

    private static String verified(String session) {
        return BadInputCase.verifiedFolder(dir, session);
    }

    private static BadInputCase onCluster(int exit, String expected, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--bootstrap", CLUSTER.bootstrap(), "--registry-url", CLUSTER.registryUrl()));
        return new BadInputCase(exit, expected, args);
    }

    private static void check(List<BadInputCase> cases) {
        SoftAssertions soft = new SoftAssertions();
        for (BadInputCase c : cases) {
            c.run().check(soft);
        }
        soft.assertAll();
    }
}
