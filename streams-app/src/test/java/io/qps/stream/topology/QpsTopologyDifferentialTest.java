package io.qps.stream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole topology in a test driver equals the reference engine on a generated session. */
class QpsTopologyDifferentialTest {
    private static final SimConfig SIM = SimConfig.defaults(42, 1).withDensity(0.05);
    private static List<MarketEvent> events;
    private static EngineResult reference;

    @BeforeAll
    static void generate() {
        events = new ArrayList<>();
        new MarketSimulator(SIM).run(events::add);
        reference = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), events);
    }

    @Test
    void everyStrategyTradesInTheDataset() {
        for (var s : io.qps.core.strategy.StrategyId.values()) {
            assertThat(reference.finals().get(s.code()).fills()).as(s.code()).isGreaterThanOrEqualTo(5);
        }
        assertThat(events).hasSize(40_151);
    }

    @Test
    void topologyEqualsTheReferenceEngine() {
        try (TopologyHarness h = new TopologyHarness(Universe.standard(), EngineConfig.defaults(), MergeMode.GATED)) {
            h.pipeAll(events);
            assertEqualsReference(h.canonical());
        }
    }

    @Test
    void ticksShuffledAcrossInstrumentsGiveTheSameOutputs() {
        try (TopologyHarness h = new TopologyHarness(Universe.standard(), EngineConfig.defaults(), MergeMode.GATED)) {
            h.pipeAll(shuffledAcrossInstruments(events, 7));
            assertEqualsReference(h.canonical());
        }
    }

    @Test
    void restartsOnCopiedStoresMidStreamGiveTheSameOutputs() {
        List<MarketEvent> shuffled = shuffledAcrossInstruments(events, 11);
        int third = shuffled.size() / 3;
        try (TopologyHarness h = new TopologyHarness(Universe.standard(), EngineConfig.defaults(), MergeMode.GATED)) {
            h.pipeAll(shuffled.subList(0, third));
            var dump = h.dumpStores();
            assertThat(dump.get("qps-cross-pending")).isNotEmpty();
            h.restartWith(dump);
            h.pipeAll(shuffled.subList(third, 2 * third));
            h.restartWith(h.dumpStores());
            h.pipeAll(shuffled.subList(2 * third, shuffled.size()));
            assertEqualsReference(h.canonical());
            var end = h.dumpStores();
            assertThat(end.get("qps-cross-pending")).isEmpty();
            assertThat(end.get("qps-exec-buffer")).isEmpty();
            assertThat(end.get("qps-portfolio-pending")).isEmpty();
        }
    }

    private static void assertEqualsReference(CanonicalForm streamed) {
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(streamed.lines(t)).as(t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
        }
        assertThat(streamed.digest()).isEqualTo(reference.canonical().digest());
    }

    /** A seeded random interleaving of the instruments' event streams, each instrument's own order kept. */
    static List<MarketEvent> shuffledAcrossInstruments(List<MarketEvent> events, long seed) {
        java.util.Map<Integer, java.util.ArrayDeque<MarketEvent>> byInstrument = new java.util.TreeMap<>();
        for (MarketEvent e : events) {
            byInstrument.computeIfAbsent(e.instrument(), k -> new java.util.ArrayDeque<>()).add(e);
        }
        List<java.util.ArrayDeque<MarketEvent>> queues = new ArrayList<>(byInstrument.values());
        java.util.Random random = new java.util.Random(seed);
        List<MarketEvent> out = new ArrayList<>(events.size());
        while (!queues.isEmpty()) {
            int i = random.nextInt(queues.size());
            out.add(queues.get(i).poll());
            if (queues.get(i).isEmpty()) {
                queues.remove(i);
            }
        }
        assertThat(out).isNotEqualTo(events).hasSameSizeAs(events);
        return out;
    }
}
