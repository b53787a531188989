package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.Quote;
import io.qps.core.market.Trade;
import io.qps.core.sim.SimConfig;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every event of a generated dataset, through exactly what the publisher and a consumer do to it (core to Avro,
 * Confluent wire bytes, back to Avro, back to core), comes back equal: quotes, trades and book updates alike.
 */
class DatasetWireRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyEventOfADatasetSurvivesTheWireFormat() {
        Path file = dir.resolve("5-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(5, 1).withDensity(0.02), file);
        SpecificDatumWriter<io.qps.schemas.MarketEvent> writer =
                new SpecificDatumWriter<>(io.qps.schemas.MarketEvent.class);
        SpecificDatumReader<io.qps.schemas.MarketEvent> reader =
                new SpecificDatumReader<>(io.qps.schemas.MarketEvent.class);
        Set<Class<?>> kinds = new HashSet<>();
        long count = 0;
        try (DatasetReader data = DatasetReader.open(file)) {
            while (data.hasNext()) {
                MarketEvent event = data.next();
                String symbol = data.header().instruments().get(event.instrument()).symbol();
                byte[] wire = ConfluentWireFormat.encode(7, writer, MarketEventMapping.toAvro(event, symbol));
                assertThat(ConfluentWireFormat.schemaId(wire, "t", -1)).isEqualTo(7);
                io.qps.schemas.MarketEvent back = ConfluentWireFormat.decode(wire, reader, "t", -1);
                assertThat(back.getSymbol()).isEqualTo(symbol);
                assertThat(MarketEventMapping.toCore(back)).isEqualTo(event);
                kinds.add(event.getClass());
                count++;
            }
            assertThat(count).isEqualTo(data.trailer().eventCount());
        }
        assertThat(kinds).containsExactlyInAnyOrder(Quote.class, Trade.class, BookUpdate.class);
    }

    @Test
    void progressMarkersSurviveTheWireFormatAndAreNotMarketEvents() {
        SpecificDatumWriter<io.qps.schemas.MarketEvent> writer =
                new SpecificDatumWriter<>(io.qps.schemas.MarketEvent.class);
        SpecificDatumReader<io.qps.schemas.MarketEvent> reader =
                new SpecificDatumReader<>(io.qps.schemas.MarketEvent.class);
        for (ProgressMarker.Kind kind : ProgressMarker.Kind.values()) {
            ProgressMarker marker = new ProgressMarker(kind, kind == ProgressMarker.Kind.START ? 0 : 8_192,
                    1_704_067_260_000_001L);
            byte[] wire = ConfluentWireFormat.encode(7, writer, MarketEventMapping.toAvro(marker, 11));
            io.qps.schemas.MarketEvent back = ConfluentWireFormat.decode(wire, reader, "t", -1);
            assertThat(MarketEventMapping.isProgress(back)).isTrue();
            assertThat(MarketEventMapping.toProgress(back)).isEqualTo(marker);
            assertThat(MarketEventMapping.partitionOf(back)).isEqualTo(11);
            assertThat(wire).isEqualTo(new DirectEventEncoder(7, new String[0]).encode(marker, 11));
        }
    }
}
