package io.qps.verify;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.core.stats.PerformanceCalculator;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.strategy.StrategyId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The verdict on a session: its live run against a replay run (the replication check) and both against the
 * reference engine on the same dataset (the oracle).
 *
 * @param session the session id
 * @param provenance what the session was made from (its manifest's dataset hash, configuration hash, version)
 * @param live the live run's results
 * @param replay the replay run's results
 * @param reference the reference engine's results
 * @param liveVsReplay live (expected) vs replay
 * @param liveVsReference reference (expected) vs live
 * @param replayVsReference reference (expected) vs replay
 * @param inputEvent the input event of a seq, as text, for divergence chains
 * @param stats per run id, the performance statistics of every strategy and the TOTAL book
 * @param config the engine configuration the reference ran with and the statistics follow
 */
public record Verification(String session, Provenance provenance, RunResults live, RunResults replay, RunResults reference,
                           Comparison liveVsReplay, Comparison liveVsReference, Comparison replayVsReference,
                           LongFunction<String> inputEvent, Map<String, Map<String, PerformanceStats>> stats,
                           EngineConfig config) {

    /** Compares the three runs; statistics use {@code config}'s statistics and sampling settings. */
    public static Verification of(String session, Provenance provenance, RunResults live, RunResults replay, RunResults reference,
                                  Universe universe, EngineConfig config, LongFunction<String> inputEvent) {
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(reference, "reference");
        PerformanceCalculator calculator = new PerformanceCalculator(universe, config.stats(),
                config.portfolio().sampleIntervalMicros());
        List<StrategyId> strategies = List.copyOf(config.strategies().enabled());
        Map<String, Map<String, PerformanceStats>> stats = new java.util.LinkedHashMap<>();
        for (RunResults r : List.of(live, replay, reference)) {
            stats.put(r.run(), calculator.compute(strategies, r.fills(), r.positions(), r.pnl()));
        }
        return new Verification(session, Objects.requireNonNull(provenance, "provenance"), live, replay, reference,
                Comparison.of(live, replay), Comparison.of(reference, live), Comparison.of(reference, replay),
                inputEvent, stats, config);
    }

    /** The replication verdict ({@code pnl_match}): live and replay outputs are byte-identical in canonical form. */
    public boolean replicated() {
        return liveVsReplay.match();
    }

    /** Everything passes: live = replay = reference. */
    public boolean passed() {
        return liveVsReplay.match() && liveVsReference.match() && replayVsReference.match();
    }
}
