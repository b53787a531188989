package io.qps.stream.topology;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.schemas.serde.AvroSerde;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.InternalSerdes;
import io.qps.stream.codec.LedgerEntry;
import io.qps.stream.codec.MarketDigest;
import io.qps.stream.processor.CrossStrategyProcessor;
import io.qps.stream.processor.ExecPartitioner;
import io.qps.stream.processor.ExecTopicExtractor;
import io.qps.stream.processor.InstrumentProcessor;
import io.qps.stream.processor.PortfolioProcessor;
import io.qps.stream.processor.TickRouterProcessor;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the qps topology (see this package's documentation for its shape and why it is deterministic).
 */
public final class QpsTopology {
    /** The store holding the portfolio task's released seq under {@link PortfolioProcessor#RELEASED_KEY}. */
    public static final String PORTFOLIO_STORE = PortfolioProcessor.STATE_STORE;
    /** Name of the repartition topic to the cross task ({@code <application.id>-market-repartition}). */
    public static final String MARKET_TOPIC = "market";
    /** Name of the repartition topic to the exec tasks ({@code <application.id>-exec-repartition}). */
    public static final String EXEC_TOPIC = "exec";
    /** Name of the repartition topic to the portfolio task ({@code <application.id>-ledger-repartition}). */
    public static final String LEDGER_TOPIC = "ledger";

    private QpsTopology() {
    }

    /** The topology of one run; {@code spec.serdeConfig()} configures the Avro serdes of the public topics. */
    public static Topology build(TopologySpec spec) {
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);
        Serde<String> keys = Serdes.String();
        ExecPartitioner partitioner = new ExecPartitioner();

        KStream<String, Object> routed = builder
                .stream(spec.ticksTopic(), Consumed.with(keys, avro(io.qps.schemas.MarketEvent.class, spec))
                        .withName("ticks"))
                .process(() -> new TickRouterProcessor(spec.universe()), Named.as("tick-router"));
        Map<String, KStream<String, Object>> routes = routed.split(Named.as("routed-"))
                .branch((k, v) -> v instanceof ExecMessage, Branched.as("exec"))
                .defaultBranch(Branched.as("market"));

        KStream<String, ExecMessage> exec = routes.get("routed-exec")
                .mapValues(v -> (ExecMessage) v, Named.as("as-exec"))
                .repartition(Repartitioned.<String, ExecMessage>as(EXEC_TOPIC).withKeySerde(keys)
                        .withValueSerde(InternalSerdes.exec()).withNumberOfPartitions(spec.partitions())
                        .withStreamPartitioner(partitioner));
        routes.get("routed-market")
                .mapValues(v -> (MarketDigest) v, Named.as("as-digest"))
                .repartition(Repartitioned.<String, MarketDigest>as(MARKET_TOPIC).withKeySerde(keys)
                        .withValueSerde(InternalSerdes.digest()).withNumberOfPartitions(1))
                .process(() -> new CrossStrategyProcessor(spec.universe(), spec.config(), spec.partitions()),
                        Named.as("cross-strategies"), CrossStrategyProcessor.PENDING_STORE,
                        CrossStrategyProcessor.STATE_STORE)
                .to(new ExecTopicExtractor("-" + MARKET_TOPIC + "-repartition", "-" + EXEC_TOPIC + "-repartition"),
                        Produced.with(keys, InternalSerdes.exec()).withStreamPartitioner(partitioner)
                                .withName("cross-to-exec"));

        KStream<String, Object> executed = exec.process(
                () -> new InstrumentProcessor(spec.universe(), spec.config(), spec.mergeMode()),
                Named.as("instruments"), InstrumentProcessor.BUFFER_STORE, InstrumentProcessor.STATE_STORE);
        Map<String, KStream<String, Object>> outs = executed.split(Named.as("executed-"))
                .branch((k, v) -> v instanceof OrderEvent, Branched.as("orders"))
                .branch((k, v) -> v instanceof FillEvent || v instanceof RejectEvent, Branched.as("fills"))
                .defaultBranch(Branched.as("ledger"));
        outs.get("executed-orders")
                .mapValues(v -> OutputMapping.toAvro((OrderEvent) v, spec.run()), Named.as("orders-avro"))
                .to(spec.outputs().orders(), Produced.with(keys, avro(io.qps.schemas.OrderEvent.class, spec))
                        .withName("orders-out"));
        outs.get("executed-fills")
                .mapValues(v -> OutputMapping.report(v, spec.run()), Named.as("fills-avro"))
                .to(spec.outputs().fills(), Produced.with(keys, avro(ExecutionReport.class, spec))
                        .withName("fills-out"));

        KStream<String, Object> accounted = outs.get("executed-ledger")
                .mapValues(v -> (LedgerEntry) v, Named.as("as-ledger"))
                .repartition(Repartitioned.<String, LedgerEntry>as(LEDGER_TOPIC).withKeySerde(keys)
                        .withValueSerde(InternalSerdes.ledger()).withNumberOfPartitions(1))
                .process(() -> new PortfolioProcessor(spec.universe(), spec.config()), Named.as("portfolio"),
                        PortfolioProcessor.PENDING_STORE, PortfolioProcessor.STATE_STORE);
        Map<String, KStream<String, Object>> accounts = accounted.split(Named.as("accounted-"))
                .branch((k, v) -> v instanceof PnlSnapshot, Branched.as("pnl"))
                .defaultBranch(Branched.as("positions"));
        accounts.get("accounted-pnl")
                .mapValues(v -> OutputMapping.toAvro((PnlSnapshot) v, spec.run()), Named.as("pnl-avro"))
                .to(spec.outputs().pnl(), Produced.with(keys, avro(io.qps.schemas.PnlSnapshot.class, spec))
                        .withName("pnl-out"));
        accounts.get("accounted-positions")
                .mapValues(v -> OutputMapping.toAvro((PositionRecord) v, spec.run()), Named.as("positions-avro"))
                .to(spec.outputs().positions(), Produced.with(keys, avro(Position.class, spec))
                        .withName("positions-out"));
        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(store(CrossStrategyProcessor.PENDING_STORE, Serdes.Long()));
        builder.addStateStore(store(CrossStrategyProcessor.STATE_STORE, Serdes.String()));
        builder.addStateStore(store(InstrumentProcessor.BUFFER_STORE, Serdes.Bytes()));
        builder.addStateStore(store(InstrumentProcessor.STATE_STORE, Serdes.String()));
        builder.addStateStore(store(PortfolioProcessor.PENDING_STORE, Serdes.Long()));
        builder.addStateStore(store(PortfolioProcessor.STATE_STORE, Serdes.String()));
    }

    private static <K> org.apache.kafka.streams.state.StoreBuilder<
            org.apache.kafka.streams.state.KeyValueStore<K, byte[]>> store(String name, Serde<K> keySerde) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde, Serdes.ByteArray())
                .withCachingEnabled().withLoggingEnabled(Map.of());
    }

    private static <T extends SpecificRecord> AvroSerde<T> avro(Class<T> type, TopologySpec spec) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(spec.serdeConfig(), false);
        return serde;
    }

    /** Highest seq the portfolio task has released (0 before any), via interactive query; -1 if not queryable yet. */
    public static long releasedSeq(KafkaStreams streams) {
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters
                    .fromNameAndType(PORTFOLIO_STORE, QueryableStoreTypes.keyValueStore()));
            byte[] v = store.get(PortfolioProcessor.RELEASED_KEY);
            return v == null ? 0 : ByteBuffer.wrap(v).getLong();
        } catch (InvalidStateStoreException e) {
            return -1;
        }
    }
}
