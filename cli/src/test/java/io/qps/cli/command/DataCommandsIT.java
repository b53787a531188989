package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's data-plane commands on a real embedded broker and the embedded registry. */
class DataCommandsIT {
    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static EmbeddedSchemaRegistry registry;
    private static String bootstrap;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir.resolve("kafka")));
        bootstrap = kafka.start().bootstrapServers();
        registry = EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        kafka.stop();
    }

    private static CliRun qps(String... args) {
        return CliRun.onCluster(bootstrap, registry.url(), args);
    }

    @Test
    void generatePublishConsumeCheckRefuseAndForce() {
        Path dataset = dir.resolve("9-1d.qpsd");
        assertThat(qps("generate", "--days", "1", "--seed", "9", "--density", "0.02", "--out", dataset.toString())
                .exit()).isZero();
        long events;
        try (DatasetReader r = DatasetReader.open(dataset)) {
            events = r.trailer().eventCount();
        }

        CliRun publish = qps("publish", "--session", "cli1", "--dataset", dataset.toString());
        assertThat(publish.exit()).as(publish.err()).isZero();
        long markers = (2 + (events - 1) / 4096) * 6;
        assertThat(publish.out()).startsWith(String.format(Locale.ROOT, "published %,d events and %,d progress markers"
                + " of %s to qps.cli1.ticks (6 partitions, balanced assignment, busiest partition ", events, markers,
                dataset)).endsWith("manifest recorded in qps.sessions (engine configuration "
                + EngineConfigFile.sha256(EngineConfig.defaults()) + ")" + System.lineSeparator());

        CliRun check = qps("consume", "--session", "cli1", "--check", dataset.toString());
        assertThat(check.exit()).isZero();
        assertThat(check.out()).isEqualTo(String.format(Locale.ROOT, "PASS: the topic holds exactly the %,d events of"
                + " the dataset in 6 partitions: every field equal, each seq once, seq strictly increasing within"
                + " every partition; and %,d progress markers, START first and END last in every partition, each"
                + " consistent with the events around it%n", events, markers));

        CliRun two = qps("consume", "--session", "cli1", "--limit", "2", "--no-markers");
        assertThat(two.exit()).isZero();
        assertThat(two.out().lines()).hasSize(2).allMatch(line -> line.startsWith("{\"partition\": ")
                && line.contains("\"value\": {\"seq\": "));
        CliRun withMarkers = qps("consume", "--session", "cli1", "--limit", "2");
        assertThat(withMarkers.out().lines().filter(line -> line.startsWith("{"))).hasSize(2);
        assertThat(withMarkers.out().lines().filter(line -> line.matches("\\[p\\d @0] START seq=0 ts=\\S+Z")))
                .isNotEmpty();

        CliRun again = qps("publish", "--session", "cli1", "--dataset", dataset.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("qps publish: error: session 'cli1' already exists: its topic qps.cli1.ticks"
                + " already holds " + (events + markers) + " records; choose another --session, or add --force to delete and"
                + " recreate qps.cli1.ticks and replace the manifest" + System.lineSeparator());

        CliRun forced = qps("publish", "--session", "cli1", "--dataset", dataset.toString(), "--force",
                "--partitions", "2", "--encoder", "serde", "--assignment", "hash");
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("(2 partitions, hash assignment, busiest partition ");
        assertThat(qps("consume", "--session", "cli1", "--check", dataset.toString()).out())
                .startsWith("PASS: ").contains(" in 2 partitions");

        CliRun unknown = qps("consume", "--session", "nobody");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("qps consume: error: no session 'nobody' (qps sessions lists them)"
                + System.lineSeparator());
    }
}
