package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.BookUpdate;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.FillEvent;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.Liquidity;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.OrderAction;
import io.qps.schemas.OrderEvent;
import io.qps.schemas.OrderType;
import io.qps.schemas.PnlSnapshot;
import io.qps.schemas.Position;
import io.qps.schemas.Quote;
import io.qps.schemas.RejectEvent;
import io.qps.schemas.RejectReason;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.Side;
import io.qps.schemas.Trade;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import io.qps.schemas.serde.AvroSerde;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.schemas.serde.AvroSerializer;
import io.qps.schemas.wire.ConfluentWireFormat;
import io.qps.schemas.wire.WireFormatException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every record type through the serdes and the wire format, against the embedded registry over HTTP. */
class AvroSerdeRoundTripTest {
    static final MarketEvent QUOTE = MarketEvent.newBuilder().setSeq(1).setTimestampMicros(1_700_000_000_000_000L)
            .setInstrument(0).setSymbol("BTC-USD")
            .setPayload(new Quote(4_325_017L, 25_000L, 4_325_018L, 10_000L)).build();
    static final MarketEvent TRADE = MarketEvent.newBuilder().setSeq(2).setTimestampMicros(1_700_000_000_000_250L)
            .setInstrument(1).setSymbol("ES")
            .setPayload(new Trade(450_025L, 3L, Side.SELL)).build();
    static final MarketEvent BOOK = MarketEvent.newBuilder().setSeq(3).setTimestampMicros(1_700_000_000_000_500L)
            .setInstrument(0).setSymbol("BTC-USD")
            .setPayload(new BookUpdate(List.of(4_325_017L, 4_325_016L), List.of(1L, 2L), List.of(4_325_019L), List.of(7L)))
            .build();
    static final OrderEvent ORDER = new OrderEvent("live", 3L, "alpha_1_pairs/BTC-USD", 0, "alpha_1_pairs", "BTC-USD",
            OrderAction.PLACED, "alpha_1_pairs:BTC-USD:3:0", Side.BUY, 2_500L, OrderType.LIMIT, 4_325_017L,
            1_700_000_000_001_500L);
    static final FillEvent FILL = new FillEvent("live", 9L, "BTC-USD", 0, 1_700_000_000_002_000L, "alpha_1_pairs",
            "BTC-USD", 0, "alpha_1_pairs:BTC-USD:3:0", Side.BUY, 2_500L, 4_325_017L, Liquidity.MAKER, -1_081L, 0L, 3L);
    static final RejectEvent REJECT = new RejectEvent("replay-1", 4L, "alpha_5_orderbook/ES", 1, "alpha_5_orderbook",
            "ES", "alpha_5_orderbook:ES:4:1", Side.SELL, 7L, OrderType.MARKET, 0L, RejectReason.RISK_LIMIT);
    static final Position POSITION = new Position("live", 9L, "BTC-USD", 0, "alpha_1_pairs", "BTC-USD", 0, 2_500L,
            -10_812_542_500L, 4_325_017L, 0L, 1_081L, -10_812_543_581L);
    static final PnlSnapshot PNL = new PnlSnapshot("live", 12L, "TOTAL", 1, "TOTAL", 1_700_000_060_000_000L, 5L,
            -17L, 1_081L, -1_093L, 10_812_542_500L, 1L);
    static final SessionManifest MANIFEST = new SessionManifest("demo1",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 42L, 3, 6, 123_456L,
            List.of(new InstrumentSpec(0, "BTC-USD", "CRYPTO", 2, 4, 1L, 1L, 1L, "USD", true, "ALWAYS")),
            "0.1.0-SNAPSHOT", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 1,
            1_704_067_200_000_000L, 1_763_900_000_123L, List.of(0), "balanced",
            "execution.latency=0s\n", "cd".repeat(32));

    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        client = new SchemaRegistryClient(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void everyRecordTypeRoundTripsUnderItsTopicValueSubject() {
        assertRoundTrip("demo1.ticks", MarketEvent.class, QUOTE, 1);
        assertRoundTrip("demo1.ticks", MarketEvent.class, TRADE, 1);
        assertRoundTrip("demo1.ticks", MarketEvent.class, BOOK, 1);
        assertRoundTrip("demo1.live.orders", OrderEvent.class, ORDER, 2);
        assertRoundTrip("demo1.live.fills", ExecutionReport.class, new ExecutionReport(FILL), 3);
        assertRoundTrip("demo1.live.fills", ExecutionReport.class, new ExecutionReport(REJECT), 3);
        assertRoundTrip("demo1.live.positions", Position.class, POSITION, 4);
        assertRoundTrip("demo1.live.pnl", PnlSnapshot.class, PNL, 5);
        assertRoundTrip("demo1.manifest", SessionManifest.class, MANIFEST, 6);
        assertRoundTrip("fills-alone", FillEvent.class, FILL, 7);
        assertRoundTrip("rejects-alone", RejectEvent.class, REJECT, 8);
        assertThat(client.subjects()).containsExactly("demo1.live.fills-value", "demo1.live.orders-value",
                "demo1.live.pnl-value", "demo1.live.positions-value", "demo1.manifest-value", "demo1.ticks-value",
                "fills-alone-value", "rejects-alone-value");
    }

    private <T extends SpecificRecord> void assertRoundTrip(String topic, Class<T> type, T value, int expectedId) {
        try (AvroSerde<T> serde = new AvroSerde<>(type, client, true)) {
            byte[] bytes = serde.serializer().serialize(topic, value);
            assertThat(bytes[0]).as("magic byte").isZero();
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id, big-endian").isEqualTo(expectedId);
            assertThat(client.lookup(topic + "-value", value.getSchema()).id()).isEqualTo(expectedId);
            assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(value);
        }
    }

    @Test
    void serdeConfiguredFromConfluentKeysAndDeserializerWithoutTypeFindsTheClass() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        try (AvroSerializer<MarketEvent> serializer = new AvroSerializer<>();
             AvroDeserializer<MarketEvent> deserializer = new AvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            byte[] bytes = serializer.serialize("t", TRADE);
            assertThat(bytes).startsWith(0, 0, 0, 0, 1);
            assertThat(deserializer.deserialize("t", bytes)).isEqualTo(TRADE);
            assertThat(serializer.serialize("t", null)).isNull();
        }
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaIsASerializationError() {
        try (AvroSerializer<Position> serializer = new AvroSerializer<>(client, false)) {
            serializer.configure(Map.of(), false);
            assertThatThrownBy(() -> serializer.serialize("p", POSITION))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("topic p: cannot get a schema id for io.qps.schemas.Position under subject"
                            + " p-value: registry at " + registry.url() + ": POST /subjects/p-value failed with HTTP 404,"
                            + " error_code 40401: Subject 'p-value' not found.");
            client.register("p-value", Position.getClassSchema());
            assertThat(serializer.serialize("p", POSITION)).startsWith(0, 0, 0, 0, 1);
        }
    }

    @Test
    void readsDataWrittenWithAnotherCompatibleWriterSchemaIntoTheCurrentClass() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : Position.getClassSchema().getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field("venue", Schema.create(Schema.Type.STRING), "a field this reader does not know"));
        Schema writer = Schema.createRecord("Position", null, "io.qps.schemas", false, fields);
        GenericData.Record old = new GenericData.Record(writer);
        for (Schema.Field f : Position.getClassSchema().getFields()) {
            old.put(f.name(), POSITION.get(f.name()));
        }
        old.put("venue", "SIM");
        int id = client.register("positions-other-value", writer);
        byte[] bytes = ConfluentWireFormat.encode(id, writer, old);
        try (AvroDeserializer<Position> deserializer = new AvroDeserializer<>(Position.class, client)) {
            assertThat(deserializer.deserialize("positions-other", bytes)).isEqualTo(POSITION);
        }
    }

    @Test
    void foreignBytesAndUnknownIdsAreOneLineErrors() {
        try (AvroDeserializer<MarketEvent> deserializer = new AvroDeserializer<>(MarketEvent.class, client)) {
            assertThatThrownBy(() -> deserializer.deserialize("demo1.ticks", 41, "{\"seq\":1}".getBytes()))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessage("topic demo1.ticks offset 41: unknown magic byte 0x7b (expected 0x00): not Confluent"
                            + " wire format");
            assertThatThrownBy(() -> deserializer.deserialize("demo1.ticks", new byte[] {0, 0, 0, 0, 77, 2}))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageStartingWith("topic demo1.ticks: cannot get writer schema id 77: registry at ")
                    .hasMessageEndingWith("error_code 40403: Schema 77 not found");
        }
    }
}
