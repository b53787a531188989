package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code qps live} and {@code qps replay} input checks that need no broker. */
class RunCommandsTest {
    private static final String NL = System.lineSeparator();

    @Test
    void theMergeModeIsNotAnOption() {
        CliRun live = CliRun.run("live", "--session-id", "s1", "--merge-mode", "ARRIVAL_ORDER");
        assertThat(live.exit()).isEqualTo(2);
        assertThat(live.err()).isEqualTo("qps live: Unknown options: '--merge-mode', 'ARRIVAL_ORDER' (see 'qps live --help')" + NL);
        assertThat(CliRun.run("live", "--help").out()).doesNotContainIgnoringCase("merge")
                .doesNotContainIgnoringCase("arrival");
        assertThat(CliRun.run("replay", "--help").out()).doesNotContainIgnoringCase("merge")
                .doesNotContainIgnoringCase("arrival");
    }

    @Test
    void invalidInputIsAUsageError() {
        CliRun attach = CliRun.run("live", "--session-id", "s1", "--attach", "--dataset", "x.qpsd");
        assertThat(attach.exit()).isEqualTo(2);
        assertThat(attach.err()).isEqualTo("qps live: error: --attach publishes nothing: drop --dataset" + NL);

        CliRun session = CliRun.run("replay", "--session-id", "a/b");
        assertThat(session.exit()).isEqualTo(2);
        assertThat(session.err()).isEqualTo("qps replay: error: invalid session id 'a/b': only A-Z a-z 0-9 . _ - are"
                + " allowed (it must be a safe Kafka topic and file name)" + NL);

        CliRun threads = CliRun.run("live", "--session-id", "s1", "--threads", "65");
        assertThat(threads.exit()).isEqualTo(2);
        assertThat(threads.err()).isEqualTo("qps live: error: --threads must be within 1..64, was 65" + NL);

        CliRun dataset = CliRun.run("live", "--session-id", "s1", "--dataset", "/nonexistent/x.qpsd");
        assertThat(dataset.exit()).isEqualTo(2);
        assertThat(dataset.err()).isEqualTo("qps live: error: no dataset file '/nonexistent/x.qpsd' (create one with"
                + " 'qps generate')" + NL);
    }
}
