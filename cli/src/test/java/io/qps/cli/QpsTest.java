package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parsing, help, version and error handling of {@code qps}; nothing here starts a broker. */
class QpsTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndExitsZero() {
        CliRun run = CliRun.run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: qps [-hV] [--verbose] [COMMAND]")
                .containsPattern("\n  up +Start the embedded Kafka broker and schema registry in the background\\.")
                .containsPattern("\n  demo +Run the whole flow in one command: up, generate, live, replay,")
                .containsPattern("\n  live +Run a session live, publishing its dataset while the application")
                .containsPattern("\n  replay +Replay a session: reprocess its ticks topic into a new run replay-N\\.")
                .containsPattern("\n  verify +Verify a session: its live run, a replay run and the reference engine")
                .containsPattern("\n  results +Print the latest result record of every session")
                .containsPattern("\n  reference +Run the reference engine over a dataset file \\(no Kafka\\)\\.")
                .containsPattern("\n  down +Stop the local services started by 'qps up' \\(data is kept\\)\\.")
                .containsPattern("\n  status +Report which services are up and where they listen\\.")
                .contains("QPS_CLIENT_CONFIG").doesNotContain("--bootstrap=").doesNotContain("--config=FILE");
    }

    @Test
    void noSubcommandPrintsUsage() {
        CliRun run = CliRun.run();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: qps ");
    }

    @Test
    void versionNamesQpsKafkaAndJava() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exit()).isZero();
        assertThat(VersionProvider.qpsVersion()).matches("[0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");
        assertThat(run.out()).isEqualTo("qps " + VersionProvider.qpsVersion() + "\nKafka "
                + AppInfoParser.getVersion() + "\nJava " + System.getProperty("java.version") + "\n");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String name : List.of("up", "down", "status")) {
            CliRun run = CliRun.run(name, "--help");
            assertThat(run.exit()).as(name).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: qps " + name + " [-hV] [")
                    .contains("[--verbose]")
                    .contains("--data-dir=DIR");
        }
        assertThat(CliRun.run("status", "--help").out()).contains("--bootstrap=HOST:PORT[,...]").contains("--json");
        assertThat(CliRun.run("up", "--help").out()).doesNotContain("--bootstrap");
        assertThat(CliRun.run("up", "--help").out().replaceAll("\\s+", " ")).contains("--kafka-port=PORT")
                .contains("--controller-port=PORT").contains("--kafka-heap=SIZE").contains("--registry-port=PORT")
                .contains("(default: 9092)").contains("(default: 9093)").contains("(default: 512m)")
                .contains("(default: 8081)");
    }

    @Test
    void unknownOptionIsOneLineAndExitCodeTwo() {
        CliRun run = CliRun.run("up", "--bogus");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("qps up: Unknown option: '--bogus' (see 'qps up --help')\n");
    }

    @Test
    void unknownSubcommandIsOneLine() {
        CliRun run = CliRun.run("frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("qps: Unmatched argument at index 0: 'frobnicate' (see 'qps --help')\n");
    }

    @Test
    void nonNumericPortIsOneLine() {
        CliRun run = CliRun.run("up", "--kafka-port", "abc");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("qps up: Invalid value for option '--kafka-port': 'abc' is not an int"
                + " (see 'qps up --help')\n");
    }

    @Test
    void outOfRangePortIsAUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.run("up", "--data-dir", dir.toString(), "--kafka-port", "70000");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("qps up: error: --kafka-port must be within 0..65535, was 70000\n");
    }

    @Test
    void clusterOptionsWorkAfterTheSubcommandAndStillBeforeIt() throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SSL\n");
        for (String[] args : List.of(
                new String[] {"--bootstrap", "b:1", "--registry-url", "http://r:2", "--config", config.toString(),
                    "status"},
                new String[] {"status", "--bootstrap", "b:1", "--registry-url", "http://r:2", "--config",
                    config.toString()})) {
            ClusterSettings s = Qps.clusterSettings(Qps.commandLine(new Qps(Map.of("QPS_BOOTSTRAP", "env:9")))
                    .parseArgs(args));
            assertThat(s.bootstrapServers()).isEqualTo("b:1");
            assertThat(s.bootstrapSource()).isEqualTo(ClusterSettings.Source.FLAG);
            assertThat(s.registryUrl()).isEqualTo("http://r:2");
            assertThat(s.clientProperties()).containsExactly(Map.entry("security.protocol", "SSL"));
        }
    }

    @Test
    void environmentIsUsedWhenNoFlagIsGiven() {
        ClusterSettings s = Qps.clusterSettings(Qps.commandLine(new Qps(Map.of("QPS_BOOTSTRAP", "env:9",
                "QPS_REGISTRY_URL", "http://env:8"))).parseArgs("status"));
        assertThat(s.bootstrapServers()).isEqualTo("env:9");
        assertThat(s.registryUrl()).isEqualTo("http://env:8");
    }

    @Test
    void upOptionsHaveTheirDefaultsAndAcceptFreePortMode() {
        CommandLine commandLine = new CommandLine(new Qps(Map.of()));
        CommandLine.ParseResult parsed = commandLine.parseArgs("up");
        CommandLine.Model.CommandSpec up = parsed.subcommand().commandSpec();
        assertThat((Integer) up.findOption("--kafka-port").getValue()).isEqualTo(9092);
        assertThat((Integer) up.findOption("--controller-port").getValue()).isEqualTo(9093);
        assertThat((String) up.findOption("--kafka-heap").getValue()).isEqualTo("512m");
        assertThat((Path) up.findOption("--data-dir").getValue())
                .isEqualTo(Path.of(System.getenv().getOrDefault("QPS_DATA_DIR", ".qps")));

        parsed = new CommandLine(new Qps(Map.of())).parseArgs("up", "--kafka-port", "0", "--controller-port", "0",
                "--kafka-heap", "1g", "--data-dir", "/srv/qps");
        up = parsed.subcommand().commandSpec();
        assertThat((Integer) up.findOption("--kafka-port").getValue()).isZero();
        assertThat((Integer) up.findOption("--controller-port").getValue()).isZero();
        assertThat((String) up.findOption("--kafka-heap").getValue()).isEqualTo("1g");
        assertThat((Path) up.findOption("--data-dir").getValue()).isEqualTo(Path.of("/srv/qps"));
    }

    @Test
    void missingConfigFileIsOneLineAndVerboseAddsTheStackTrace() {
        String missing = dir.resolve("missing.properties").toString();
        CliRun run = CliRun.run("status", "--config", missing);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("qps status: error: client config file not found: " + missing + "\n");

        CliRun verbose = CliRun.run("status", "--config", missing, "--verbose");
        assertThat(verbose.err()).startsWith("qps status: error: client config file not found: " + missing + "\n"
                + "io.qps.cli.CliException: client config file not found: " + missing)
                .contains("at io.qps.cli.ClusterSettings.load");
    }

    @Test
    void configFileFromEnvironmentIsHonoured() {
        String missing = dir.resolve("env.properties").toString();
        CliRun run = CliRun.run(Map.of("QPS_CLIENT_CONFIG", missing), "status");
        assertThat(run.err()).isEqualTo("qps status: error: client config file not found: " + missing + "\n");
    }
}
