package io.qps.stream.processor;

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

/**
 * The partition gate under seeded schedules: any order of task steps, any interleaving of summaries and PnL
 * shares from different senders, commits anywhere, crashes with restore from the committed state, marker
 * spacing and partition maps: always the reference engine's outputs. The racy variant is caught.
 */
class PartitionInterleavingTest {
    private static final SimConfig SIM = SimConfig.defaults(7, 1).withDensity(0.02);
    private static List<MarketEvent> events;
    private static EngineResult reference;

    @BeforeAll
    static void generate() {
        events = new ArrayList<>();
        new MarketSimulator(SIM).run(events::add);
        reference = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), events);
    }

    private static int[] modulo(int partitions) {
        int[] map = new int[Universe.standard().size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = (i * 7 + 3) % partitions;
        }
        return map;
    }

    private static CanonicalForm run(int partitions, boolean racy, long seed, double crashRate, int every) {
        PartitionSimulation sim = new PartitionSimulation(Universe.standard(), EngineConfig.defaults(), partitions,
                modulo(partitions), racy, seed, crashRate);
        sim.publish(events, every);
        CanonicalForm form = sim.run();
        if (crashRate > 0) {
            assertThat(sim.crashes).as("crashes in the schedule").isPositive();
        }
        return form;
    }

    @Test
    void everyStrategyTradesInTheScenario() {
        for (var s : io.qps.core.strategy.StrategyId.values()) {
            assertThat(reference.finals().get(s.code()).fills()).as(s.code()).isPositive();
        }
    }

    @Test
    void seededSchedulesWithCrashesGiveTheReferenceOutputs() {
        int[][] cases = {{1, 1000}, {3, 97}, {6, 1000}, {12, 5000}, {6, 13}};
        long seed = 1;
        for (int[] c : cases) {
            for (int k = 0; k < 1; k++) {
                CanonicalForm got = run(c[0], false, seed++, 0.002, c[1]);
                for (OutputTopic t : OutputTopic.values()) {
                    assertThat(got.lines(t)).as("%d partitions, markers every %d, seed %d: %s", c[0], c[1], seed - 1,
                            t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
                }
            }
        }
    }

    /**
     * A task holds at most a few dozen unreleased ticks decoded and reads the rest back from the log when release
     * reaches them (so memory does not grow with the gap between partitions); with crashes in the schedule as well,
     * the outputs are still the reference's, and the backlog really was read back.
     */
    @Test
    void aSmallMemoryLimitReadsTheBacklogBackAndGivesTheReferenceOutputs() {
        long seed = 101;
        for (int partitions : new int[] {3, 6}) {
            PartitionSimulation sim = new PartitionSimulation(Universe.standard(), EngineConfig.defaults(), partitions,
                    modulo(partitions), false, seed++, 0.002, io.qps.stream.topology.BadRecordPolicy.QUARANTINE, 37);
            sim.publish(events, 997);
            CanonicalForm got = sim.run();
            assertThat(sim.refetched).as("backlog records read back").isGreaterThan(events.size() / 10);
            for (OutputTopic t : OutputTopic.values()) {
                assertThat(got.lines(t)).as("%d partitions, memory limit 37: %s", partitions, t.suffix())
                        .containsExactlyElementsOf(reference.canonical().lines(t));
            }
        }
    }

    /**
     * A paced publisher's clock rounds: markers whose time is past the last event's (the paced clock's), written while
     * it waits. With a round at every minute, every partition crosses most boundaries by a marker before any event
     * after them (the portfolio keys such a boundary's snapshots by the event after the marker's seq); with rounds
     * every 7 s, partitions cross by markers at times between the boundaries. Both with crashes: the reference.
     */
    @Test
    void clockRoundsFromAPacedPublisherGiveTheReferenceOutputs() {
        long seed = 211;
        for (long[] c : new long[][] {{6, 60_000_000L}, {3, 7_000_000L}, {12, 60_000_000L}}) {
            int partitions = (int) c[0];
            PartitionSimulation sim = new PartitionSimulation(Universe.standard(), EngineConfig.defaults(), partitions,
                    modulo(partitions), false, seed++, 0.002);
            sim.publishClocked(events, 1000, c[1]);
            CanonicalForm got = sim.run();
            assertThat(sim.crashes).as("crashes in the schedule").isPositive();
            for (OutputTopic t : OutputTopic.values()) {
                assertThat(got.lines(t)).as("%d partitions, clock rounds every %d µs: %s", partitions, c[1],
                        t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
            }
        }
    }

    @Test
    void theRacyVariantDivergesUnderSomeSchedule() {
        boolean diverged = false;
        for (long seed = 1; seed <= 5 && !diverged; seed++) {
            diverged = !run(6, true, seed, 0, 1000).digest().equals(reference.canonical().digest());
        }
        assertThat(diverged).as("deciding boundaries on the summaries that happen to be there must be caught").isTrue();
    }
}
