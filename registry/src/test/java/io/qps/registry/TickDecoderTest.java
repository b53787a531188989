package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.market.ProgressMarker;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.mapping.TickDecoder;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerde;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The direct ticks decoder gives exactly what the generic deserializer and the mapping give. */
class TickDecoderTest {
    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;
    private AvroSerde<MarketEvent> serde;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        client = new SchemaRegistryClient(registry.url());
        serde = new AvroSerde<>(MarketEvent.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private Object generic(byte[] raw) {
        MarketEvent e = serde.deserializer().deserialize("t", raw);
        return MarketEventMapping.isProgress(e) ? MarketEventMapping.toProgress(e) : MarketEventMapping.toCore(e);
    }

    @Test
    void everyPayloadAndMarkerDecodesAsTheGenericPathDoes() {
        List<MarketEvent> values = List.of(AvroSerdeRoundTripTest.QUOTE, AvroSerdeRoundTripTest.TRADE,
                AvroSerdeRoundTripTest.BOOK,
                MarketEventMapping.toAvro(new ProgressMarker(ProgressMarker.Kind.PROGRESS, 4096, 1_700_000_000_000L), 3),
                MarketEventMapping.toAvro(new ProgressMarker(ProgressMarker.Kind.START, 0, 1_700_000_000_000L), 0));
        AtomicInteger fallbacks = new AtomicInteger();
        TickDecoder direct = new TickDecoder(client, raw -> {
            fallbacks.incrementAndGet();
            return generic(raw);
        });
        for (MarketEvent v : values) {
            byte[] raw = serde.serializer().serialize("t", v);
            assertThat(direct.decode("t", 7, raw)).usingRecursiveComparison().isEqualTo(generic(raw));
        }
        assertThat(fallbacks).hasValue(0);
    }

    @Test
    void anUnknownWriterLayoutTakesTheGenericPath() {
        Schema other = SchemaBuilder.record("MarketEvent").namespace("io.qps.schemas").fields()
                .requiredLong("seq").requiredLong("timestampMicros").requiredInt("instrument")
                .requiredString("symbol").requiredString("note").endRecord();
        int id = client.register("other-value", other);
        GenericRecord r = new GenericData.Record(other);
        r.put("seq", 1L);
        r.put("timestampMicros", 2L);
        r.put("instrument", 0);
        r.put("symbol", "X");
        r.put("note", "n");
        byte[] raw = ConfluentWireFormat.encode(id, other, r);
        AtomicInteger fallbacks = new AtomicInteger();
        TickDecoder direct = new TickDecoder(client, x -> {
            fallbacks.incrementAndGet();
            return "generic";
        });
        assertThat(direct.decode("t", 0, raw)).isEqualTo("generic");
        assertThat(fallbacks).hasValue(1);
    }

    @Test
    void aTruncatedValueAndTrailingBytesAreRejectedNamingWhere() {
        TickDecoder direct = new TickDecoder(client, raw -> generic(raw));
        byte[] raw = serde.serializer().serialize("t", AvroSerdeRoundTripTest.BOOK);
        byte[] cut = Arrays.copyOf(raw, raw.length - 3);
        assertThatThrownBy(() -> direct.decode("t", 9, cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t offset 9").hasMessageContaining("ends at byte " + cut.length);
        byte[] longer = Arrays.copyOf(raw, raw.length + 1);
        assertThatThrownBy(() -> direct.decode("t", 9, longer)).hasMessageContaining("1 bytes after the end");
    }

    /** Avro writers may cut an array into several blocks, with negative counts followed by the block's size. */
    @Test
    void arraysWrittenInBlocksDecodeAsTheGenericPathDoes() throws Exception {
        serde.serializer().serialize("t", AvroSerdeRoundTripTest.BOOK);
        int id = client.register("t-value", MarketEvent.getClassSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder blocking = new EncoderFactory().configureBlockSize(64).blockingBinaryEncoder(out, null);
        new SpecificDatumWriter<>(MarketEvent.class).write(AvroSerdeRoundTripTest.BOOK, blocking);
        blocking.flush();
        byte[] raw = out.toByteArray();
        TickDecoder direct = new TickDecoder(client, x -> {
            throw new AssertionError("the current layout must decode directly");
        });
        assertThat(direct.decode("t", 0, raw)).usingRecursiveComparison().isEqualTo(generic(raw));
    }
}
