package io.qps.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.CliRun;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSampleImportsAndTheReferenceEngineRunsOnIt() {
        Path out = dir.resolve("sample.qpsd");

        CliRun run = CliRun.run("import", "--csv", "../config/sample-ticks.csv", "--instruments",
                "../config/instruments.properties", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        Dataset data = DatasetReader.load(out);
        assertThat(run.out()).contains(String.format("%,d events", data.events().size()), data.sha256());
        assertThat(data.events()).hasSizeGreaterThan(3000);
        String digest = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events()).digest();
        CliRun reference = CliRun.run("reference", "--dataset", out.toString());
        assertThat(reference.exit()).as(reference.err()).isZero();
        assertThat(reference.out()).contains("digest all       " + digest);
    }

    @Test
    void badLinesAreListedAndNothingIsWritten() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "ts,symbol,type,bid,bid_size,ask,ask_size,price,size,side,bids,asks\n"
                + "2024-01-01T00:00:00Z,XOM,Q,10.00,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,XOM,Z,10.00,5,10.02,7,,,,,\n");
        Path out = dir.resolve("x.qpsd");

        CliRun run = CliRun.run("import", "--csv", csv.toString(), "--out", out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("1 bad line, nothing written").contains("line 3: type 'Z': expected Q, T or B");
        assertThat(out).doesNotExist();
    }
}
