package io.qps.stream.topology;

import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.mapping.TickDecoder;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.schemas.serde.AvroSerde;
import io.qps.stream.codec.BoundaryMessages;
import io.qps.stream.processor.PartitionProcessor;
import io.qps.stream.processor.PortfolioProcessor;
import io.qps.stream.processor.TicksRefetch;
import io.qps.stream.state.HeapStateStore;
import io.qps.stream.state.HeapStoreBuilder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Builds the qps topology (docs/architecture.md has its shape and why it is deterministic):
 * <pre>
 * ticks (N) ─┐
 *            ├─► partition (task per ticks partition) ─► orders, fills, positions
 * summaries ─┘        ├─► summaries (N, to the partitions that need them; read back above)
 *                     └─► partials (1) ─► portfolio (one task) ─► pnl
 * </pre>
 */
public final class QpsTopology {
    /** The store holding the portfolio task's released seq. */
    public static final String PORTFOLIO_STORE = PortfolioProcessor.STORE;

    private QpsTopology() {
    }

    /** The topology of one run; {@code spec.serdeConfig()} configures the Avro serdes of the public topics. */
    public static Topology build(TopologySpec spec) {
        Topology t = new Topology();
        Deserializer<String> keys = Serdes.String().deserializer();
        Deserializer<byte[]> bytes = Serdes.ByteArray().deserializer();
        Serializer<String> keyOut = Serdes.String().serializer();
        String summaries = spec.outputs().summaries();
        String partials = spec.outputs().partials();
        t.addSource("ticks", Serdes.ByteArray().deserializer(), bytes, spec.ticksTopic());
        t.addSource("summaries", keys, bytes, summaries);
        t.addProcessor("partition", () -> new PartitionProcessor(spec.universe(), spec.config(), spec.partitionOf(),
                spec.run(), spec.ticksTopic(), summaries, () -> ticksDecoder(spec), spec.mergeMode() == MergeMode.ARRIVAL_ORDER,
                TicksRefetch.kafka(), spec.badRecords()), "ticks", "summaries");
        t.addStateStore(new HeapStoreBuilder(PartitionProcessor.STORE), "partition");
        t.addSink(PartitionProcessor.ORDERS, spec.outputs().orders(), keyOut,
                avro(io.qps.schemas.OrderEvent.class, spec).serializer(), "partition");
        t.addSink(PartitionProcessor.FILLS, spec.outputs().fills(), keyOut,
                avro(ExecutionReport.class, spec).serializer(), "partition");
        t.addSink(PartitionProcessor.POSITIONS, spec.outputs().positions(), keyOut,
                avro(Position.class, spec).serializer(), "partition");
        t.addSink(PartitionProcessor.SUMMARIES, summaries, keyOut, Serdes.ByteArray().serializer(),
                new SummaryPartitioner(), "partition");
        t.addSink(PartitionProcessor.DLQ, spec.outputs().dlq(), keyOut, Serdes.ByteArray().serializer(), "partition");
        t.addSink(PartitionProcessor.PARTIALS, partials, keyOut, Serdes.ByteArray().serializer(),
                (topic, key, value, n) -> Optional.of(Set.of(0)), "partition");
        t.addSource("partials", keys, bytes, partials);
        t.addProcessor("portfolio", () -> new PortfolioProcessor(spec.partitions(), spec.run()), "partials");
        t.addStateStore(new HeapStoreBuilder(PortfolioProcessor.STORE), "portfolio");
        t.addSink(PortfolioProcessor.PNL, spec.outputs().pnl(), keyOut,
                avro(io.qps.schemas.PnlSnapshot.class, spec).serializer(), "portfolio");
        return t;
    }

    /** Delivers a summary to each of the destinations it names. */
    private static final class SummaryPartitioner implements StreamPartitioner<String, Object> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
            return Optional.of(Arrays.stream(BoundaryMessages.destinations((byte[]) value)).boxed()
                    .collect(Collectors.toSet()));
        }
    }

    /**
     * A decoder of ticks values (Confluent wire format) to core market events and progress markers: the direct
     * {@link TickDecoder} for the known writer schemas, the generic deserializer for any other.
     */
    static Function<byte[], Object> ticksDecoder(TopologySpec spec) {
        AvroSerde<io.qps.schemas.MarketEvent> serde = avro(io.qps.schemas.MarketEvent.class, spec);
        Deserializer<io.qps.schemas.MarketEvent> d = serde.deserializer();
        Function<byte[], Object> generic = raw -> {
            io.qps.schemas.MarketEvent e = d.deserialize(spec.ticksTopic(), raw);
            return MarketEventMapping.isProgress(e) ? MarketEventMapping.toProgress(e) : MarketEventMapping.toCore(e);
        };
        TickDecoder direct = new TickDecoder(AvroSerdeConfig.client(spec.serdeConfig()), generic);
        return raw -> direct.decode(spec.ticksTopic(), -1, raw);
    }

    private static <T extends SpecificRecord> AvroSerde<T> avro(Class<T> type, TopologySpec spec) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(spec.serdeConfig(), false);
        return serde;
    }

    /** Highest seq every partition has processed (0 before any), via interactive query; -1 if not queryable yet. */
    public static long releasedSeq(KafkaStreams streams) {
        try {
            HeapStateStore store = streams.store(StoreQueryParameters.fromNameAndType(PORTFOLIO_STORE,
                    new HeapStoreType()));
            byte[] v = store.getBlob(PortfolioProcessor.RELEASED_KEY);
            return v == null ? 0 : Math.max(0, ByteBuffer.wrap(v).getLong());
        } catch (InvalidStateStoreException e) {
            return -1;
        }
    }

    /** The input problem the portfolio task found at the end (events missing or repeated), or null. */
    public static String inputProblem(KafkaStreams streams) {
        try {
            HeapStateStore store = streams.store(StoreQueryParameters.fromNameAndType(PORTFOLIO_STORE,
                    new HeapStoreType()));
            byte[] v = store.getBlob(PortfolioProcessor.GAP_KEY);
            return v == null ? null : new String(v, java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }

    /** Lets interactive queries return the {@link HeapStateStore} itself. */
    private static final class HeapStoreType implements QueryableStoreType<HeapStateStore> {
        @Override
        public boolean accepts(org.apache.kafka.streams.processor.StateStore stateStore) {
            return stateStore instanceof HeapStateStore;
        }

        @Override
        public HeapStateStore create(org.apache.kafka.streams.state.internals.StateStoreProvider provider,
                                     String storeName) {
            java.util.List<HeapStateStore> stores = provider.stores(storeName, this);
            if (stores.isEmpty()) {
                throw new InvalidStateStoreException("no local " + storeName + " store yet");
            }
            return stores.get(0);
        }
    }
}
