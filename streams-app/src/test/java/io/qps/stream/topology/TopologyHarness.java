package io.qps.stream.topology;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.schemas.serde.AvroSerde;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole topology in a {@link TopologyTestDriver} against an in-process schema registry: pipe core market
 * events in, collect the four output topics as core records.
 */
final class TopologyHarness implements AutoCloseable {
    static final String TICKS = "s.ticks";
    static final RunTopics OUTPUTS = new RunTopics("s.live.orders", "s.live.fills", "s.live.positions", "s.live.pnl");

    private final EmbeddedSchemaRegistry registry;
    private final Map<String, Object> serdeConfig;
    private final Universe universe;
    private final TopologySpec spec;
    private final Map<OutputTopic, List<OutputRecord>> outputs = new EnumMap<>(OutputTopic.class);
    private TopologyTestDriver driver;
    private TestInputTopic<String, io.qps.schemas.MarketEvent> ticks;
    private TestOutputTopic<String, io.qps.schemas.OrderEvent> orders;
    private TestOutputTopic<String, ExecutionReport> fills;
    private TestOutputTopic<String, Position> positions;
    private TestOutputTopic<String, io.qps.schemas.PnlSnapshot> pnl;

    TopologyHarness(Universe universe, EngineConfig config, MergeMode mode) {
        this(universe, config, mode, BadRecordPolicy.QUARANTINE);
    }

    TopologyHarness(Universe universe, EngineConfig config, MergeMode mode, BadRecordPolicy policy) {
        this.registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        this.serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        this.universe = universe;
        this.spec = new TopologySpec(TICKS, 1, "live", OUTPUTS, universe, config, serdeConfig, mode,
                new int[universe.size()], policy);
        for (OutputTopic t : OutputTopic.values()) {
            outputs.put(t, new ArrayList<>());
        }
        open();
    }

    /** Starts a new driver on fresh (empty) stores. */
    void open() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "qps-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1024 * 1024);
        driver = new TopologyTestDriver(QpsTopology.build(spec), props);
        ticks = driver.createInputTopic(TICKS, new StringSerializer(),
                serde(io.qps.schemas.MarketEvent.class).serializer());
        orders = driver.createOutputTopic(OUTPUTS.orders(), new StringDeserializer(),
                serde(io.qps.schemas.OrderEvent.class).deserializer());
        fills = driver.createOutputTopic(OUTPUTS.fills(), new StringDeserializer(),
                serde(ExecutionReport.class).deserializer());
        positions = driver.createOutputTopic(OUTPUTS.positions(), new StringDeserializer(),
                serde(Position.class).deserializer());
        pnl = driver.createOutputTopic(OUTPUTS.pnl(), new StringDeserializer(),
                serde(io.qps.schemas.PnlSnapshot.class).deserializer());
    }

    private <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type) {
        AvroSerde<T> s = new AvroSerde<>(type);
        s.configure(serdeConfig, false);
        return s;
    }

    void pipe(MarketEvent e) {
        String symbol = universe.get(e.instrument()).symbol();
        ticks.pipeInput(symbol, MarketEventMapping.toAvro(e, symbol), Math.floorDiv(e.timestampMicros(), 1000L));
    }

    /** Pipes a session: its START marker, the events, its END marker. */
    void pipeAll(List<? extends MarketEvent> events) {
        marker(new ProgressMarker(ProgressMarker.Kind.START, 0, events.get(0).timestampMicros()));
        long last = 0;
        long lastTs = 0;
        for (MarketEvent e : events) {
            pipe(e);
            last = Math.max(last, e.seq());
            lastTs = Math.max(lastTs, e.timestampMicros());
        }
        marker(new ProgressMarker(ProgressMarker.Kind.END, last, lastTs));
    }

    void marker(ProgressMarker m) {
        ticks.pipeInput(null, MarketEventMapping.toAvro(m, 0), Math.floorDiv(m.timestampMicros(), 1000L));
    }

    /** The order records the orders topic holds (with their record timestamps), also collected as outputs. */
    List<org.apache.kafka.streams.test.TestRecord<String, io.qps.schemas.OrderEvent>> orderRecords() {
        var records = orders.readRecordsToList();
        for (var r : records) {
            outputs.get(OutputTopic.ORDERS).add(OutputMapping.toCore(r.value()));
        }
        return records;
    }

    /** Moves what the output topics hold into the collected outputs. */
    void drain() {
        for (var v : orders.readValuesToList()) {
            outputs.get(OutputTopic.ORDERS).add(OutputMapping.toCore(v));
        }
        for (var v : fills.readValuesToList()) {
            outputs.get(OutputTopic.FILLS).add(OutputMapping.toCore(v));
        }
        for (var v : positions.readValuesToList()) {
            outputs.get(OutputTopic.POSITIONS).add(OutputMapping.toCore(v));
        }
        for (var v : pnl.readValuesToList()) {
            outputs.get(OutputTopic.PNL).add(OutputMapping.toCore(v));
        }
    }

    CanonicalForm canonical() {
        drain();
        return CanonicalForm.of(outputs);
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            registry.close();
        }
    }
}
