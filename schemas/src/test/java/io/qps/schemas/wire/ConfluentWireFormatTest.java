package io.qps.schemas.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.schemas.MarketEvent;
import io.qps.schemas.Quote;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class ConfluentWireFormatTest {
    private static final MarketEvent QUOTE = MarketEvent.newBuilder().setSeq(1).setTimestampMicros(2)
            .setInstrument(3).setSymbol("AB")
            .setPayload(Quote.newBuilder().setBidPrice(-1).setBidSize(64).setAskPrice(5).setAskSize(6).build())
            .build();

    @Test
    void framesMagicByteBigEndianIdAndAvroBinary() {
        byte[] bytes = ConfluentWireFormat.encode(0x01020304, MarketEvent.getClassSchema(), QUOTE);
        assertThat(bytes).containsExactly(
                0, 1, 2, 3, 4,              // magic 0, schema id 0x01020304 big-endian
                2, 4, 6,                    // seq 1, ts 2, instrument 3 (zig-zag varints)
                4, 'A', 'B',                // symbol: length 2, UTF-8
                0,                          // union branch 0: Quote
                1, (byte) 0x80, 1, 10, 12); // bid -1, bid size 64 (two-byte varint), ask 5, ask size 6
        assertThat(ConfluentWireFormat.schemaId(bytes, "t", 7)).isEqualTo(0x01020304);
    }

    @Test
    void decodesWhatItEncodes() {
        byte[] bytes = ConfluentWireFormat.encode(42, MarketEvent.getClassSchema(), QUOTE);
        MarketEvent back = ConfluentWireFormat.decode(bytes, new SpecificDatumReader<>(MarketEvent.class), "t", 0);
        assertThat(back).isEqualTo(QUOTE);
    }

    @Test
    void wrongMagicByteNamesTopicAndOffset() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {'{', 0, 0, 0, 1, 2}, "demo1.ticks", 17))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("topic demo1.ticks offset 17: unknown magic byte 0x7b (expected 0x00): not Confluent wire format");
    }

    @Test
    void shortPayloadIsRefusedWithItsLength() {
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(new byte[] {0, 0, 1}, "demo1.ticks", -1))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("topic demo1.ticks: payload of 3 bytes is shorter than the 5-byte Confluent wire-format header");
        assertThatThrownBy(() -> ConfluentWireFormat.schemaId(null, null, -1))
                .hasMessage("payload of 0 bytes is shorter than the 5-byte Confluent wire-format header");
    }

    @Test
    void unknownUnionBranchIsRefused() {
        byte[] bytes = {0, 0, 0, 0, 9, 2, 4, 6, 4, 'A', 'B', 14};
        assertThatThrownBy(() -> ConfluentWireFormat.decode(bytes, new SpecificDatumReader<>(MarketEvent.class), "t", 5))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("topic t offset 5: cannot decode the Avro body with schema id 9: ");
    }

    @Test
    void truncatedOrOverlongBodyIsRefused() {
        byte[] bytes = ConfluentWireFormat.encode(9, MarketEvent.getClassSchema(), QUOTE);
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 2);
        assertThatThrownBy(() -> ConfluentWireFormat.decode(truncated, new SpecificDatumReader<>(MarketEvent.class), "t", 3))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("topic t offset 3: cannot decode the Avro body with schema id 9: ");
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> ConfluentWireFormat.decode(longer, new SpecificDatumReader<>(MarketEvent.class), "t", 3))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("topic t offset 3: trailing bytes after the Avro body of schema id 9");
    }
}
