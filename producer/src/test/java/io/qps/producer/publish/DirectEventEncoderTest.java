package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.sim.SimConfig;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The direct encoder writes exactly the bytes of the Avro serializer's wire format. */
class DirectEventEncoderTest {
    private static final SpecificDatumWriter<io.qps.schemas.MarketEvent> WRITER =
            new SpecificDatumWriter<>(io.qps.schemas.MarketEvent.class);

    @TempDir
    Path dir;

    private static byte[] viaAvro(int id, MarketEvent e, String symbol) {
        return ConfluentWireFormat.encode(id, WRITER, MarketEventMapping.toAvro(e, symbol));
    }

    @Test
    void goldenBytesOfATrade() {
        DirectEventEncoder encoder = new DirectEventEncoder(258, new String[] {"ES"});
        byte[] bytes = encoder.encode(new Trade(1, 2, 0, -1, 64, Side.SELL));
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(
                "0000000102" + "02" + "04" + "00" + "04" + "4553" + "02" + "01" + "8001" + "02");
        assertThat(bytes).isEqualTo(viaAvro(258, new Trade(1, 2, 0, -1, 64, Side.SELL), "ES"));
    }

    @Test
    void extremesAndEmptyLevelsMatchAvro() {
        DirectEventEncoder encoder = new DirectEventEncoder(Integer.MAX_VALUE, new String[] {"BTC-USD", "é"});
        MarketEvent[] events = {
            new Quote(Long.MAX_VALUE, Long.MIN_VALUE, 1, 0, -1, Long.MAX_VALUE, Long.MIN_VALUE),
            new Trade(3, 4, 0, Long.MIN_VALUE, Long.MAX_VALUE, Side.BUY),
            new BookUpdate(5, 6, 0, new long[] {100, 99, 98}, new long[] {1, 2, 3}, new long[] {101},
                    new long[] {Long.MAX_VALUE}),
        };
        for (MarketEvent e : events) {
            String symbol = e.instrument() == 0 ? "BTC-USD" : "é";
            assertThat(encoder.encode(e)).as(e.toString()).isEqualTo(viaAvro(Integer.MAX_VALUE, e, symbol));
        }
    }

    @Test
    void progressMarkersMatchAvro() {
        DirectEventEncoder encoder = new DirectEventEncoder(300, new String[] {"BTC-USD"});
        ProgressMarker start = new ProgressMarker(ProgressMarker.Kind.START, 0, 1_704_067_200_000_000L);
        // seq 0, time, instrument -1 (zig-zag 01), symbol "" (length 00), branch 3 (06), START (00), partition 2 (04)
        assertThat(HexFormat.of().formatHex(encoder.encode(start, 2))).isEqualTo("000000012c" + "00"
                + "80808982e2f58606" + "01" + "00" + "06" + "00" + "04");
        ProgressMarker[] markers = {start, new ProgressMarker(ProgressMarker.Kind.PROGRESS, 4_096, 5),
            new ProgressMarker(ProgressMarker.Kind.END, Long.MAX_VALUE, Long.MIN_VALUE)};
        for (ProgressMarker m : markers) {
            for (int partition : new int[] {0, 1, 63, 64, 9_999}) {
                assertThat(encoder.encode(m, partition)).as(m + " to partition " + partition).isEqualTo(
                        ConfluentWireFormat.encode(300, WRITER, MarketEventMapping.toAvro(m, partition)));
            }
        }
        assertThat(encoder.encode(new Trade(1, 2, 0, -1, 64, Side.SELL)))
                .as("the same encoder still writes events after markers")
                .isEqualTo(viaAvro(300, new Trade(1, 2, 0, -1, 64, Side.SELL), "BTC-USD"));
    }

    @Test
    void everyEventOfADatasetMatchesAvro() {
        Path file = dir.resolve("11-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(11, 1).withDensity(0.02), file);
        try (DatasetReader data = DatasetReader.open(file)) {
            String[] symbols = data.header().instruments().stream().map(i -> i.symbol()).toArray(String[]::new);
            DirectEventEncoder encoder = new DirectEventEncoder(17, symbols);
            long n = 0;
            while (data.hasNext()) {
                MarketEvent e = data.next();
                assertThat(encoder.encode(e)).isEqualTo(viaAvro(17, e, symbols[e.instrument()]));
                n++;
            }
            assertThat(n).isEqualTo(data.trailer().eventCount());
        }
    }
}
