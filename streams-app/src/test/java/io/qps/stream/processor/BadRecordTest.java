package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.stream.topology.BadRecordPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ticks records that are not valid events: quarantined with their coordinates and reason, identically under any
 * schedule and crash, leaving the outputs those of the valid events; or, by policy, a stop naming them.
 */
class BadRecordTest {
    private static final SimConfig SIM = SimConfig.defaults(11, 1).withDensity(0.01);
    private static List<MarketEvent> events;
    private static EngineResult reference;

    @BeforeAll
    static void generate() {
        events = new ArrayList<>();
        new MarketSimulator(SIM).run(events::add);
        reference = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), events);
    }

    private static int[] map() {
        int[] m = new int[Universe.standard().size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = i % 3;
        }
        return m;
    }

    private static PartitionSimulation seeded(long seed, double crashRate, BadRecordPolicy policy) {
        return seeded(seed, crashRate, policy, PartitionProcessor.DEFAULT_MEMORY_LIMIT);
    }

    private static PartitionSimulation seeded(long seed, double crashRate, BadRecordPolicy policy, int memoryLimit) {
        PartitionSimulation sim = new PartitionSimulation(Universe.standard(), EngineConfig.defaults(), 3, map(), false,
                seed, crashRate, policy, memoryLimit);
        sim.publish(events, 500);
        MarketEvent a = events.get(1000);
        MarketEvent b = events.get(2000);
        MarketEvent c = events.get(3000);
        int pa = map()[a.instrument()];
        sim.inject(pa, a.seq(), PartitionSimulation.UNREADABLE);
        sim.inject(pa, a.seq(), new Quote(a.seq() + 1, a.timestampMicros(), a.instrument(), -5, 1, 10, 1));
        sim.inject(map()[b.instrument()], b.seq(), new Trade(b.seq(), b.timestampMicros(), b.instrument(), 100, -3,
                Side.BUY));
        sim.inject(map()[b.instrument()], b.seq(), b);
        sim.inject(map()[c.instrument()], c.seq(), new BookUpdate(c.seq() + 1, c.timestampMicros(), c.instrument(),
                new long[] {200}, new long[] {1}, new long[] {190}, new long[] {1}));
        MarketEvent d = events.get(4000);
        int pd = map()[d.instrument()];
        sim.inject(pd, d.seq(), new Trade(d.seq() + 1, d.timestampMicros(), 999, 100, 1, Side.SELL));
        int foreign = map()[0] == pd ? 1 : 0;
        sim.inject(pd, d.seq(), new Trade(d.seq() + 1, d.timestampMicros(), foreign, 100, 1, Side.SELL));
        sim.inject(pd, d.seq(), PartitionSimulation.UNKNOWN_SCHEMA);
        return sim;
    }

    @Test
    void badRecordsAreQuarantinedIdenticallyAndTheOutputsAreTheValidEvents() {
        PartitionSimulation calm = seeded(1, 0, BadRecordPolicy.QUARANTINE);
        CanonicalForm first = calm.run();
        PartitionSimulation stormy = seeded(2, 0.003, BadRecordPolicy.QUARANTINE);
        CanonicalForm second = stormy.run();
        assertThat(first.digest()).isEqualTo(reference.canonical().digest());
        assertThat(second.digest()).isEqualTo(reference.canonical().digest());
        assertThat(stormy.crashes).isPositive();
        assertThat(calm.dlq).hasSize(8);
        assertThat(stormy.dlq).containsExactlyInAnyOrderElementsOf(calm.dlq);
        // Bad records inside a backlog read back from the log are skipped as they were quarantined at ingest.
        PartitionSimulation small = seeded(4, 0.003, BadRecordPolicy.QUARANTINE, 11);
        assertThat(small.run().digest()).isEqualTo(reference.canonical().digest());
        assertThat(small.refetched).isPositive();
        assertThat(small.dlq).containsExactlyInAnyOrderElementsOf(calm.dlq);
        assertThat(String.join("\n", calm.dlq)).contains("not a MarketEvent: unknown magic byte 7")
                .contains("quote price not positive").contains("trade size -3 is not positive")
                .contains("(duplicated)").contains("crossed book: best bid 200 >= best ask 190")
                .contains("instrument id 999 is not in the session's universe").contains("is assigned to partition")
                .contains("is not registered").doesNotContain("http://");
    }

    @Test
    void theFailPolicyStopsNamingPartitionOffsetAndReason() {
        assertThatThrownBy(() -> seeded(3, 0, BadRecordPolicy.FAIL).run())
                .hasMessageContaining("bad record in s.ticks partition")
                .hasMessageContaining("at offset")
                .hasMessageMatching("(?s).*(not a MarketEvent|not positive|duplicated|crossed).*");
    }
}
