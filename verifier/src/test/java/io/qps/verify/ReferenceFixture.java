package io.qps.verify;

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
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated session run through the reference engine, and runs made from its outputs (identical copies, or with
 * one planted change), for verifier and report tests that need no broker.
 */
public final class ReferenceFixture {
    public static final Provenance PROVENANCE = new Provenance("d".repeat(64), "c".repeat(64), "0.1.0-test", 42, 1,
            "e".repeat(64));

    public final Universe universe = Universe.standard();
    public final List<MarketEvent> events = new ArrayList<>();
    public final EngineResult reference;

    private ReferenceFixture(SimConfig sim) {
        new MarketSimulator(sim).run(events::add);
        reference = ReferenceRun.run(universe, EngineConfig.defaults(), events);
    }

    /** The simulator's session {@code seed} over {@code days} days at {@code density}. */
    public static ReferenceFixture of(long seed, int days, double density) {
        return new ReferenceFixture(SimConfig.defaults(seed, days).withDensity(density));
    }

    /** The reference outputs as run {@code run}. */
    public RunResults copy(String run) {
        return RunResults.of(run, reference.outputs().byTopic());
    }

    /** The reference outputs with the quantity of the first fill of {@code strategy} increased by one lot. */
    public RunResults withChangedFill(String run, StrategyId strategy) {
        Map<OutputTopic, List<OutputRecord>> records = new EnumMap<>(OutputTopic.class);
        reference.outputs().byTopic().forEach((t, list) -> records.put(t, new ArrayList<>(list)));
        List<OutputRecord> fills = records.get(OutputTopic.FILLS);
        for (int i = 0; i < fills.size(); i++) {
            if (fills.get(i) instanceof FillEvent f && f.strategy() == strategy) {
                long lot = universe.get(f.instrument()).lotSize();
                fills.set(i, new FillEvent(f.seq(), f.symbol(), f.sub(), f.timestampMicros(), f.strategy(),
                        f.instrument(), f.orderId(), f.side(), f.quantity() + lot, f.price(), f.liquidity(), f.fee(),
                        f.remaining(), f.orderCauseSeq()));
                break;
            }
        }
        return RunResults.of(run, records);
    }

    /**
     * Live and replay against the reference engine (run again, streaming, over {@link #events}), with
     * {@link #PROVENANCE}.
     */
    public Verification verify(RunResults live, RunResults replay) {
        return verify(live, replay, SpillSettings.defaults());
    }

    /** {@link #verify(RunResults, RunResults)}, sorting in {@code spill}. */
    public Verification verify(RunResults live, RunResults replay, SpillSettings spill) {
        return Verification.of("s1", PROVENANCE, RunSource.of(live), RunSource.of(replay),
                RunSource.reference(universe, EngineConfig.defaults(), events.iterator()), universe,
                EngineConfig.defaults(), InputEvents.of(events), spill);
    }
}
