package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.InternalSerdes;
import io.qps.stream.codec.MarketDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross task in a test driver: digests of three ticks partitions (partition = instrument id mod 3), fed in
 * seq order or in random merges of the partitions, give the same targets and markers.
 */
class CrossStrategyProcessorTest {
    private static final Universe UNIVERSE = Universe.standard();
    private static final int PARTITIONS = 3;
    private static List<MarketEvent> events;

    @BeforeAll
    static void generate() {
        events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(0.05)).run(events::add);
    }

    private static TopologyTestDriver driver() {
        return MiniDriver.of(() -> new CrossStrategyProcessor(UNIVERSE, EngineConfig.defaults(), PARTITIONS),
                InternalSerdes.digest(), InternalSerdes.exec(),
                Map.of(CrossStrategyProcessor.PENDING_STORE, Serdes.Long(),
                        CrossStrategyProcessor.STATE_STORE, Serdes.String()));
    }

    private static List<KeyValue<String, ExecMessage>> run(List<MarketEvent> order) {
        try (TopologyTestDriver d = driver()) {
            var in = d.createInputTopic("in", new StringSerializer(), InternalSerdes.digest().serializer());
            var out = d.createOutputTopic("out", new StringDeserializer(), InternalSerdes.exec().deserializer());
            for (MarketEvent e : order) {
                in.pipeInput(UNIVERSE.get(e.instrument()).symbol(), new MarketDigest(e.instrument() % PARTITIONS, e));
            }
            assertThat(d.getKeyValueStore(CrossStrategyProcessor.PENDING_STORE).approximateNumEntries()).isZero();
            return out.readKeyValuesToList();
        }
    }

    @Test
    void shuffledPartitionMergesGiveTheSameTargetsAndMarkers() {
        List<KeyValue<String, ExecMessage>> inOrder = run(events);
        long targets = inOrder.stream().filter(kv -> kv.value instanceof ExecMessage.Target).count();
        long markers = inOrder.stream().filter(kv -> kv.value instanceof ExecMessage.Marker).count();
        assertThat(targets).isEqualTo(GOLDEN_TARGETS);
        assertThat(markers).isEqualTo(GOLDEN_MARKERS);
        long last = 0;
        for (var kv : inOrder) {
            assertThat(kv.value.seq()).isGreaterThanOrEqualTo(last);
            last = kv.value.seq();
            if (kv.value instanceof ExecMessage.Target t) {
                assertThat(t.partition()).isEqualTo(t.target().instrument() % PARTITIONS);
                assertThat(kv.key).isEqualTo(UNIVERSE.get(t.target().instrument()).symbol());
            }
        }
        assertThat(inOrder.get(inOrder.size() - 1).value).isEqualTo(new ExecMessage.Marker(
                events.get(events.size() - 1).instrument() % PARTITIONS, events.size()));
        for (long seed : new long[] {1, 2, 3}) {
            assertThat(run(PartitionShuffle.merge(events, PARTITIONS, seed))).isEqualTo(inOrder);
        }
    }

    @Test
    void everySeqGetsAMarkerOnItsOwnPartition() {
        List<KeyValue<String, ExecMessage>> out = run(events.subList(0, 500));
        List<ExecMessage> own = new ArrayList<>();
        for (var kv : out) {
            if (kv.value instanceof ExecMessage.Marker m
                    && m.partition() == events.get((int) m.seq() - 1).instrument() % PARTITIONS) {
                own.add(m);
            }
        }
        assertThat(own).hasSize(500);
        assertThat(own.get(0)).isEqualTo(new ExecMessage.Marker(events.get(0).instrument() % PARTITIONS, 1));
    }

    @Test
    void aDigestAtOrBelowTheReleasedSeqOrOnAnotherPartitionThrows() {
        try (TopologyTestDriver d = driver()) {
            var in = d.createInputTopic("in", new StringSerializer(), InternalSerdes.digest().serializer());
            MarketEvent first = events.get(0);
            in.pipeInput("k", new MarketDigest(first.instrument() % PARTITIONS, first));
            assertThatThrownBy(() -> in.pipeInput("k", new MarketDigest(first.instrument() % PARTITIONS, first)))
                    .isInstanceOf(StreamsException.class).rootCause()
                    .hasMessage("cross task: digest seq 1 of instrument " + first.instrument() + " (partition "
                            + first.instrument() % PARTITIONS + ") arrived after seq 1 was released");
        }
        try (TopologyTestDriver d = driver()) {
            var in = d.createInputTopic("in", new StringSerializer(), InternalSerdes.digest().serializer());
            MarketEvent first = events.get(0);
            MarketEvent same = events.stream().skip(1).filter(e -> e.instrument() == first.instrument())
                    .findFirst().orElseThrow();
            in.pipeInput("k", new MarketDigest(first.instrument() % PARTITIONS, first));
            for (MarketEvent e : events.subList(1, (int) same.seq() - 1)) {
                in.pipeInput("k", new MarketDigest(e.instrument() % PARTITIONS, e));
            }
            int wrong = (first.instrument() + 1) % PARTITIONS;
            assertThatThrownBy(() -> in.pipeInput("k", new MarketDigest(wrong, same)))
                    .isInstanceOf(StreamsException.class).rootCause()
                    .hasMessageContaining("seen on partition " + wrong + " at seq " + same.seq())
                    .hasMessageEndingWith("an instrument must live in one ticks partition");
        }
    }

    private static final long GOLDEN_TARGETS = 88;
    private static final long GOLDEN_MARKERS = 40_188;
}
