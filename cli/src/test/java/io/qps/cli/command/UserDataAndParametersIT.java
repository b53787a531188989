package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.cli.CliRun;
import io.qps.cli.SharedCluster;
import io.qps.core.engine.EngineConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own data and parameters through the streaming flow, with the real commands on an embedded broker: the
 * shipped sample CSV is imported, run live (published while consumed) with a non-default engine configuration,
 * replayed and verified; live = replay = reference engine under that configuration, the manifest records it, and
 * verifying with another configuration is refused, naming the keys that differ.
 */
class UserDataAndParametersIT {
    /** Strategy, execution and sampling parameters away from their defaults. */
    private static final String TUNED = """
            alpha_1_pairs.entry_z=1.5
            alpha_2_breakout.channel_bars=10
            alpha_5_orderbook.threshold=0.6
            execution.latency=250ms
            portfolio.sample_interval=5m
            """;
    private static final Pattern DIGESTS = Pattern.compile("digests: live (\\S+), replay (\\S+), reference (\\S+)");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    private static CliRun qps(String... args) {
        return CLUSTER.qps(args);
    }

    @Test
    void theSampleCsvRunsLiveReplayAndVerifiesUnderTheUsersParameters() throws Exception {
        Path dataset = dir.resolve("sample.qpsd");
        CliRun imported = qps("import", "--csv", "../config/sample-ticks.csv", "--instruments",
                "../config/instruments.properties", "--out", dataset.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        Path tuned = dir.resolve("tuned.properties");
        Files.writeString(tuned, TUNED);
        String tunedHash = EngineConfigFile.sha256(EngineConfigFile.load(tuned));

        String referenceTuned = digest(qps("reference", "--dataset", dataset.toString(), "--engine-config",
                tuned.toString()));
        String referenceDefaults = digest(qps("reference", "--dataset", dataset.toString()));
        assertThat(referenceTuned).as("the parameters change the run").isNotEqualTo(referenceDefaults);

        String state = dir.resolve("state").toString();
        CliRun live = qps("live", "--session-id", "csv1", "--dataset", dataset.toString(), "--partitions", "3",
                "--engine-config", tuned.toString(), "--data-dir", state);
        assertThat(live.exit()).as(live.err() + live.out()).isZero();
        CliRun replay = qps("replay", "--session-id", "csv1", "--data-dir", state);
        assertThat(replay.exit()).as(replay.err() + replay.out()).isZero();
        assertThat(replay.out()).doesNotContain("engine configuration");

        Path results = dir.resolve("results");
        CliRun verify = qps("verify", "--session-id", "csv1", "--dataset", dataset.toString(), "--engine-config",
                tuned.toString(), "--out", results.toString());
        assertThat(verify.exit()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("live = replay = reference engine: PASS", "pnl_match: PASS");
        Matcher d = DIGESTS.matcher(verify.out());
        assertThat(d.find()).as(verify.out()).isTrue();
        assertThat(d.group(1)).isEqualTo(d.group(2)).isEqualTo(d.group(3)).isEqualTo(referenceTuned);
        JsonNode summary = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        assertThat(summary.path("pnl_match").asText()).isEqualTo("PASS");
        assertThat(summary.at("/provenance/engine_config_sha256").asText()).isEqualTo(tunedHash);

        CliRun sessions = qps("sessions");
        assertThat(sessions.out()).contains("engine config " + tunedHash);

        CliRun refused = qps("verify", "--session-id", "csv1", "--dataset", dataset.toString(), "--engine-config",
                "../config/engine.properties", "--out", results.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().lines().filter(l -> l.contains("another engine configuration")).toList())
                .singleElement().satisfies(line -> assertThat(line).contains("5 keys differ, session vs given:"
                        + " alpha_1_pairs.entry_z (1.5 vs 2.0), alpha_2_breakout.channel_bars (10 vs 20),"
                        + " alpha_5_orderbook.threshold (0.6 vs 0.75), execution.latency (250ms vs 0s),"
                        + " portfolio.sample_interval (5m vs 1m)"));
    }

    private static String digest(CliRun reference) {
        assertThat(reference.exit()).as(reference.err()).isZero();
        Matcher m = Pattern.compile("digest all\\s+(\\S+)").matcher(reference.out());
        assertThat(m.find()).as(reference.out()).isTrue();
        return m.group(1);
    }
}
