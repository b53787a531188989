package io.qps.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.TradingHours;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact bytes of a small hand-made dataset, and what the writer refuses. */
class DatasetWriterTest {
    private static final Instrument X = new Instrument(0, "X", AssetClass.EQUITY, 2, 0, 1, 1, 1, "USD", false,
            TradingHours.US_EQUITY);
    private static final Instrument F = new Instrument(1, "F", AssetClass.FUTURE, 2, 0, 25, 1, 50, "USD", true,
            TradingHours.FUTURES);
    private static final DatasetHeader HEADER = new DatasetHeader(1, 5, 1, 0, 1.0, List.of(X, F));

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheDocumentedBytes() throws IOException {
        Path p = dir.resolve("hand.qpsd");
        List<MarketEvent> events = List.of(
                new Quote(1, 10, 0, 10_000, 300, 10_002, 200),
                new Trade(2, 10, 0, 10_002, 50, Side.BUY),
                new Trade(3, 25, 0, 9_999, 1, Side.SELL),
                new BookUpdate(4, 25, 1, new long[] {475_000, 474_950}, new long[] {3, 7},
                        new long[] {475_025, 475_050}, new long[] {2, 130}));
        DatasetSummary s;
        try (DatasetWriter w = DatasetWriter.create(p, HEADER)) {
            events.forEach(w::write);
            s = w.finish();
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(ascii("QPSD"));
        expected.writeBytes(hex("0001" + "0000000000000005" + "00000001" + "0000000000000000"
                + "3ff0000000000000" + "0002"));
        expected.writeBytes(hex("01"));
        expected.writeBytes(ascii("X"));
        expected.writeBytes(hex("06"));
        expected.writeBytes(ascii("EQUITY"));
        expected.writeBytes(hex("0200" + "0000000000000001" + "0000000000000001" + "0000000000000001" + "03"));
        expected.writeBytes(ascii("USD"));
        expected.writeBytes(hex("0009"));
        expected.writeBytes(ascii("US_EQUITY"));
        expected.writeBytes(hex("01"));
        expected.writeBytes(ascii("F"));
        expected.writeBytes(hex("06"));
        expected.writeBytes(ascii("FUTURE"));
        expected.writeBytes(hex("0200" + "0000000000000019" + "0000000000000001" + "0000000000000032" + "03"));
        expected.writeBytes(ascii("USD"));
        expected.writeBytes(hex("0107"));
        expected.writeBytes(ascii("FUTURES"));
        // quote: tag 0, dt 10, bid 10000 ticks (zigzag 20000), spread 2 ticks (1), sizes 300 and 200 lots
        expected.writeBytes(hex("000a" + "a09c01" + "01" + "ac02" + "c801"));
        // trade BUY: tag 2, dt 0, price 10002 = lastBid + 2 (zigzag 4), 50 lots
        expected.writeBytes(hex("0200" + "04" + "32"));
        // trade SELL: tag 3, dt 15, price 9999 = lastBid - 1 (zigzag 1), 1 lot
        expected.writeBytes(hex("030f" + "01" + "01"));
        // book on instrument 1: tag 9, dt 0, 2+2 levels, bid 19000 ticks (zigzag 38000), spread 1 tick (0),
        // bid gap 2 ticks (1), ask gap 1 tick (0), sizes 3 7 2 130
        expected.writeBytes(hex("0900" + "0101" + "f0a802" + "00" + "01" + "00" + "03" + "07" + "02" + "8201"));
        expected.writeBytes(hex("07"));
        byte[] hashed = expected.toByteArray();
        byte[] sha = DatasetCorruptionTest.sha256(hashed);
        expected.writeBytes(ascii("QPSE"));
        expected.writeBytes(ByteBuffer.allocate(24).putLong(4).putLong(3).putLong(1).array());
        expected.writeBytes(sha);

        assertThat(Files.readAllBytes(p)).isEqualTo(expected.toByteArray());
        assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(sha));
        assertThat(s.eventCount()).isEqualTo(4);
        assertThat(s.eventsPerInstrument()).containsExactly(3L, 1L);
        assertThat(s.bytes()).isEqualTo(expected.size());
        assertThat(DatasetReader.load(p).events()).isEqualTo(events);
    }

    @Test
    void emptyDatasetRoundTrips() {
        Path p = dir.resolve("empty.qpsd");
        try (DatasetWriter w = DatasetWriter.create(p, HEADER)) {
            assertThat(w.finish().eventCount()).isZero();
        }
        Dataset d = DatasetReader.load(p);
        assertThat(d.events()).isEmpty();
        assertThat(d.header()).isEqualTo(HEADER);
    }

    @Test
    void refusesWhatTheFormatCannotHoldAndDiscardsThePartialFile() {
        assertRejected(new Quote(2, 10, 0, 10_000, 300, 10_002, 200), "seq must be 1 (dense from 1)");
        assertRejected(new Quote(1, 10, 2, 10_000, 300, 10_002, 200), "unknown instrument id 2");
        assertRejected(new Quote(1, 10, 1, 475_010, 3, 475_025, 2), "price 475010 is not a positive multiple of tick 25");
        assertRejected(new Quote(1, 10, 0, 10_000, 0, 10_002, 200), "size 0 is not a positive multiple of lot 1");
        assertRejected(new Quote(1, 10, 0, 10_002, 1, 10_002, 1), "ask must be above bid");
        assertRejected(new BookUpdate(1, 10, 1, new long[] {475_000, 475_000}, new long[] {1, 1},
                new long[] {475_025, 475_050}, new long[] {1, 1}), "book level prices must be strictly monotone");
        assertRejected(new Trade(1, -1, 0, 10_000, 1, Side.BUY), "timestamp -1 is before 0");
    }

    private void assertRejected(MarketEvent event, String reason) {
        Path p = dir.resolve("bad.qpsd");
        try (DatasetWriter w = DatasetWriter.create(p, HEADER)) {
            assertThatThrownBy(() -> w.write(event)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(reason);
            assertThatThrownBy(() -> w.write(event)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.exists(p)).isFalse();
        assertThat(Files.exists(dir.resolve("bad.qpsd.part"))).isFalse();
    }

    @Test
    void varintsRoundTripAtTheEdges() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ByteOutput out = new ByteOutput(sink, DatasetWriter.sha256Digest());
        long[] values = {0, 1, -1, 63, -64, 64, 127, 128, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : values) {
            out.svarint(v);
            out.uvarint(v);
        }
        out.flush();
        byte[] bytes = sink.toByteArray();
        ByteInput in = new ByteInput(new java.io.ByteArrayInputStream(bytes), Path.of("mem"), bytes.length);
        for (long v : values) {
            assertThat(in.svarint()).isEqualTo(v);
            assertThat(in.uvarint()).isEqualTo(v);
        }
        assertThat(in.position()).isEqualTo(bytes.length);
        assertThatThrownBy(in::u8).isInstanceOf(DatasetFormatException.class)
                .hasMessage("mem at byte " + bytes.length + ": unexpected end of data (truncated file); "
                        + "the file is incomplete; regenerate or copy it again");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
