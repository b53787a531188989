package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.cli.export.ExportRows;
import io.qps.cli.export.RowWriter;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.verify.RunResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, consume --topic, sessions and sessions delete on a real embedded broker after a live run. */
class SessionsExportIT {
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
    void aLiveRunExportsAsTheReferenceEngineFormatsItThenTheSessionIsDeleted() throws Exception {
        Path dataset = dir.resolve("5-1d.qpsd");
        assertThat(qps("generate", "--days", "1", "--seed", "5", "--density", "0.01", "--out", dataset.toString())
                .exit()).isZero();
        String data = dir.resolve("state").toString();
        CliRun live = qps("live", "--session-id", "exp1", "--dataset", dataset.toString(), "--partitions", "2",
                "--data-dir", data);
        assertThat(live.exit()).as(live.err() + live.out()).isZero();

        Dataset d = DatasetReader.load(dataset);
        RunResults reference = RunResults.reference(ReferenceRun.run(d.header().universe(), EngineConfig.defaults(),
                d.events()));
        ExportRows rows = new ExportRows(d.header().universe());
        for (ExportRows.What what : ExportRows.What.values()) {
            StringWriter expected = new StringWriter();
            RowWriter.write(new PrintWriter(expected), RowWriter.Format.CSV, rows.rows(what, reference));
            Path out = dir.resolve(what.code() + ".csv");
            CliRun export = qps("export", "--session-id", "exp1", "--what", what.code(), "--out", out.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            assertThat(Files.readString(out)).as(what.code()).isEqualTo(expected.toString());
        }
        CliRun fills = qps("consume", "--session-id", "exp1", "--topic", "fills", "--limit", "3");
        assertThat(fills.exit()).as(fills.err()).isZero();
        assertThat(fills.out().lines().toList()).containsExactlyElementsOf(
                rows.fills(reference.fills()).stream().limit(3).map(RowWriter::json).toList());

        CliRun list = qps("sessions");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("exp1  published").contains(d.sha256()).containsPattern("live\\s+COMPLETE");

        CliRun dry = qps("sessions", "delete", "exp1", "--data-dir", data);
        assertThat(dry.exit()).isEqualTo(2);
        assertThat(dry.out()).contains("topic     qps.exp1.ticks", "topic     qps.exp1.live.fills",
                "topic     qps-exp1-partition-state-changelog", "topic     qps.exp1.live.internal-summaries", "manifest  qps.runs key exp1/live");
        assertThat(dry.err()).contains("add --yes");
        assertThat(qps("sessions").out()).contains("exp1");

        CliRun delete = qps("sessions", "delete", "exp1", "--yes", "--data-dir", data);
        assertThat(delete.exit()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("session exp1 deleted");
        assertThat(qps("sessions").out()).doesNotContain("exp1");
        assertThat(Path.of(data, "streams", "qps-exp1")).doesNotExist();
        CliRun gone = qps("export", "--session-id", "exp1", "--what", "fills");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("qps export: error: no session 'exp1' (qps sessions lists them)"
                + System.lineSeparator());
    }
}
