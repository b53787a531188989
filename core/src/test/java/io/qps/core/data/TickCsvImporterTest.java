package io.qps.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickCsvImporterTest {
    private static final Universe U = Universe.standard();

    @TempDir
    Path dir;

    @Test
    void datasetToCsvToDatasetGivesTheSameEvents() throws IOException {
        SimConfig sim = SimConfig.defaults(11, 1).withDensity(0.01);
        Path original = dir.resolve("orig.qpsd");
        DatasetFiles.generate(sim, original);
        Dataset data = DatasetReader.load(original);
        Path csv = dir.resolve("ticks.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            TickCsv.write(data.events(), U, w);
        }

        Path imported = dir.resolve("imported.qpsd");
        DatasetSummary summary = TickCsvImporter.importFile(csv, U, imported);

        Dataset back = DatasetReader.load(imported);
        assertThat(back.events()).isEqualTo(data.events());
        assertThat(summary.sha256()).isEqualTo(back.sha256());
        assertThat(back.header().startMicros()).isEqualTo(data.header().startMicros());
        assertThat(back.header().days()).isEqualTo(1);
        assertThat(back.header().instruments()).isEqualTo(U.all());
    }

    @Test
    void orderIsTimeThenInstrumentThenLineWhateverTheFileOrder() {
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(12, 1).withDensity(0.005)).run(events::add);
        List<String> lines = new ArrayList<>(events.stream().map(e -> TickCsv.line(e, U)).toList());
        Collections.shuffle(lines, new Random(5));
        String csv = TickCsv.HEADER + "\n" + String.join("\n", lines) + "\n";

        List<MarketEvent> read = TickCsvImporter.read(new StringReader(csv), U, "shuffled");

        assertThat(read).hasSize(events.size());
        for (int i = 1; i < read.size(); i++) {
            MarketEvent a = read.get(i - 1);
            MarketEvent b = read.get(i);
            assertThat(b.seq()).isEqualTo(a.seq() + 1);
            assertThat(a.timestampMicros() < b.timestampMicros()
                    || (a.timestampMicros() == b.timestampMicros() && a.instrument() <= b.instrument())).isTrue();
        }
        assertThat(read.get(0).seq()).isEqualTo(1);
    }

    @Test
    void equalTimeAndInstrumentKeepFileOrderAndTimesParseInBothForms() {
        String csv = TickCsv.HEADER + "\n"
                + "# a comment\n"
                + "1704067200000001,XOM,Q,10.00,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00.000001+00:00,BTC-USD,T,,,,,42000.5,0.0100,SELL,,\n"
                + "2024-01-01T00:00:00.000001Z,XOM,Q,10.01,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,ES,B,,,,,,,,4750.25:12;4750.00:30,4750.50:9\n";

        List<MarketEvent> read = TickCsvImporter.read(new StringReader(csv), U, "x");

        assertThat(read).extracting(MarketEvent::instrument).containsExactly(8, 0, 2, 2);
        assertThat(((Quote) read.get(2)).bidPrice()).isEqualTo(1000);
        assertThat(((Quote) read.get(3)).bidPrice()).isEqualTo(1001);
        assertThat(read.get(1).timestampMicros()).isEqualTo(1_704_067_200_000_001L);
        assertThat(TickCsv.line(read.get(0), U)).isEqualTo("2024-01-01T00:00:00Z,ES,B,,,,,,,,4750.25:12;4750.00:30,4750.50:9");
        assertThat(TickCsv.line(read.get(1), U)).isEqualTo("2024-01-01T00:00:00.000001Z,BTC-USD,T,,,,,42000.50,0.0100,SELL,,");
    }

    @Test
    void badLinesAreCollectedWithTheirNumbersAndNothingIsWritten() throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, TickCsv.HEADER + "\n"
                + "2024-01-01T00:00:00Z,XOM,Q,10.00,5,10.02,7,,,,,\n"
                + "yesterday,XOM,Q,10.00,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,FOO,Q,10.00,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,XOM,Q,10.005,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,XOM,Q,10.05,5,10.02,7,,,,,\n"
                + "2024-01-01T00:00:00Z,XOM,T,,,,,10.01,5,UP,,\n"
                + "2024-01-01T00:00:00Z,XOM,B,,,,,,,,10.00:1,10.01:1\n"
                + "2024-01-01T00:00:00Z,ES,B,,,,,,,,4750.00:1;4750.25:1,4750.50:1\n"
                + "2024-01-01T00:00:00Z,EURUSD,T,,,,,1.10001,500,BUY,,\n"
                + "2024-01-01T00:00:00Z,XOM,Q,10.00,5\n");
        Path out = dir.resolve("never.qpsd");

        assertThatThrownBy(() -> TickCsvImporter.importFile(csv, U, out))
                .isInstanceOfSatisfying(TickCsvException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(csv + ": 9 bad lines, nothing written");
                    assertThat(e.lines()).containsExactly(
                            "line 3: ts 'yesterday': expected an ISO-8601 instant such as 2024-01-01T14:30:00.000125Z"
                                    + " or epoch microseconds",
                            "line 4: unknown symbol 'FOO' (not in the instruments file)",
                            "line 5: bid '10.005': expected a decimal with at most 2 places",
                            "line 6: bid 10.05 is not below ask 10.02",
                            "line 7: side 'UP': expected BUY or SELL (the aggressor)",
                            "line 8: XOM has no depth (depth=false): use Q lines",
                            "line 9: bids level 2 price 4750.25 is not below the level before",
                            "line 10: size 500 is not a positive multiple of the lot 1000",
                            "line 11: 5 columns, expected 12 (" + TickCsv.HEADER + ")");
                });
        assertThat(out).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("bad.csv");
    }

    @Test
    void aMissingHeaderIsAnError() {
        assertThatThrownBy(() -> TickCsvImporter.read(new StringReader("ts,symbol\n"), U, "h"))
                .isInstanceOfSatisfying(TickCsvException.class,
                        e -> assertThat(e.lines()).containsExactly("line 1: expected the header '" + TickCsv.HEADER + "'"));
    }

    @Test
    void theShippedSampleIsTheSampleOfTheSimulator() throws IOException {
        Path sample = Path.of("../config/sample-ticks.csv");
        String expected = SampleTicks.text();
        if (Boolean.getBoolean("qps.writeSample")) {
            Files.writeString(sample, expected);
        }
        assertThat(Files.readString(sample)).isEqualTo(expected);
        assertThat(TickCsvImporter.read(new StringReader(expected), U, "sample")).hasSize(SampleTicks.events().size());
    }
}
