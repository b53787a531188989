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

    /**
     * Record timestamps are event time, and the event time of a decision taken at a boundary is the boundary: the
     * hourly strategy's orders carry the whole hour (not the time of the last tick before it), per-event
     * strategies' orders the time of their causal tick.
     */
    @Test
    void ordersCarryTheEventTimeOfTheirDecision() {
        java.util.Map<Long, Long> timeOfSeq = new java.util.HashMap<>();
        events.forEach(e -> timeOfSeq.put(e.seq(), e.timestampMicros()));
        try (TopologyHarness h = new TopologyHarness(Universe.standard(), EngineConfig.defaults(), MergeMode.GATED)) {
            h.pipeAll(events);
            var records = h.orderRecords();
            var hourly = records.stream().filter(r -> r.value().getStrategy().equals("alpha_4_multi_asset")).toList();
            assertThat(hourly).as("hourly orders").isNotEmpty().allSatisfy(r -> assertThat(r.timestamp() % 3_600_000L)
                    .as("order %s", r.value().getOrderId()).isZero());
            var perEvent = records.stream().filter(r -> r.value().getStrategy().equals("alpha_5_orderbook")).toList();
            assertThat(perEvent).as("order-book orders").isNotEmpty().allSatisfy(r -> assertThat(r.timestamp())
                    .isEqualTo(Math.floorDiv(timeOfSeq.get(r.value().getSeq()), 1000L)));
        }
    }

    @Test
    void aPartitionOutOfSeqOrderStopsTheRunNamingTheSeqsUnderTheFailPolicy() {
        List<MarketEvent> swapped = new ArrayList<>(events);
        java.util.Collections.swap(swapped, 100, 101);
        try (TopologyHarness h = new TopologyHarness(Universe.standard(), EngineConfig.defaults(), MergeMode.GATED,
                BadRecordPolicy.FAIL)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.pipeAll(swapped))
                    .hasStackTraceContaining("seq " + events.get(100).seq() + " after seq " + events.get(101).seq());
        }
    }

    private static void assertEqualsReference(CanonicalForm streamed) {
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(streamed.lines(t)).as(t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
        }
        assertThat(streamed.digest()).isEqualTo(reference.canonical().digest());
    }
}
