package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.stream.codec.InternalSerdes;
import io.qps.stream.codec.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portfolio task in a test driver, fed the ledger entries the exec tasks would send for a generated session
 * (each tick with the reference's fills of it): in seq order and in random merges of three exec partitions it
 * gives exactly the reference's PnL snapshots and positions.
 */
class PortfolioProcessorTest {
    private static final Universe UNIVERSE = Universe.standard();
    private static List<MarketEvent> events;
    private static EngineResult reference;
    private static Map<Long, List<FillEvent>> fillsBySeq;

    @BeforeAll
    static void generate() {
        events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(0.05)).run(events::add);
        reference = ReferenceRun.run(UNIVERSE, EngineConfig.defaults(), events);
        fillsBySeq = new TreeMap<>();
        for (FillEvent f : reference.outputs().fills()) {
            fillsBySeq.computeIfAbsent(f.seq(), k -> new ArrayList<>()).add(f);
        }
    }

    private static LedgerEntry entry(MarketEvent e) {
        return new LedgerEntry(e.seq(), e.timestampMicros(), e.instrument(), e.isBook(), e.bestBid(), e.bestAsk(),
                fillsBySeq.getOrDefault(e.seq(), List.of()));
    }

    private static Serde<Object> canonicalText() {
        return Serdes.serdeFrom((t, v) -> ((OutputRecord) v).canonical().getBytes(StandardCharsets.UTF_8),
                (t, b) -> new String(b, StandardCharsets.UTF_8));
    }

    private static TopologyTestDriver driver() {
        return MiniDriver.of(() -> new PortfolioProcessor(UNIVERSE, EngineConfig.defaults()),
                InternalSerdes.ledger(), canonicalText(),
                Map.of(PortfolioProcessor.PENDING_STORE, Serdes.Long(), PortfolioProcessor.STATE_STORE, Serdes.String()));
    }

    private static List<String> run(List<MarketEvent> order) {
        try (TopologyTestDriver d = driver()) {
            var in = d.createInputTopic("in", new StringSerializer(), InternalSerdes.ledger().serializer());
            var out = d.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            for (MarketEvent e : order) {
                in.pipeInput(UNIVERSE.get(e.instrument()).symbol(), entry(e));
            }
            byte[] released = (byte[]) d.getKeyValueStore(PortfolioProcessor.STATE_STORE)
                    .get(PortfolioProcessor.RELEASED_KEY);
            assertThat(StateBytes.toLong(released)).isEqualTo(events.size());
            assertThat(d.getKeyValueStore(PortfolioProcessor.PENDING_STORE).approximateNumEntries()).isZero();
            return out.readValuesToList();
        }
    }

    @Test
    void inSeqOrderAndInShuffledMergesTheOutputsAreTheReferences() {
        List<String> inOrder = run(events);
        List<String> expected = new ArrayList<>(reference.canonical().lines(OutputTopic.PNL));
        expected.addAll(reference.canonical().lines(OutputTopic.POSITIONS));
        assertThat(inOrder).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(inOrder).hasSize(1_494 + reference.canonical().lines(OutputTopic.PNL).size());
        for (long seed : new long[] {5, 6}) {
            assertThat(run(PartitionShuffle.merge(events, 3, seed))).containsExactlyElementsOf(inOrder);
        }
    }

    @Test
    void aLedgerEntryAtOrBelowTheReleasedSeqThrows() {
        try (TopologyTestDriver d = driver()) {
            var in = d.createInputTopic("in", new StringSerializer(), InternalSerdes.ledger().serializer());
            in.pipeInput("k", entry(events.get(0)));
            in.pipeInput("k", entry(events.get(2)));
            assertThatThrownBy(() -> in.pipeInput("k", entry(events.get(2))))
                    .isInstanceOf(StreamsException.class).rootCause()
                    .hasMessage("portfolio task: ledger entry seq 3 arrived twice");
            in.pipeInput("k", entry(events.get(1)));
            assertThatThrownBy(() -> in.pipeInput("k", entry(events.get(1))))
                    .isInstanceOf(StreamsException.class).rootCause()
                    .hasMessage("portfolio task: ledger entry seq 2 of instrument "
                            + UNIVERSE.get(events.get(1).instrument()).symbol() + " arrived after seq 3 was released");
        }
    }
}
