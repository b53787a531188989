package io.qps.core.engine;

import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.stats.PerformanceStats;
import java.util.Map;

/**
 * What a reference run produced.
 *
 * @param events number of market events processed
 * @param lastSeq seq of the last event (0 if none)
 * @param outputs every output record, in processing order
 * @param canonical the outputs' canonical form, whose digest identifies the run's results
 * @param finals each book's PnL after the last event (strategies in {@code StrategyId} order, then TOTAL)
 * @param stats performance statistics per enabled strategy, then TOTAL
 */
public record EngineResult(long events, long lastSeq, RecordingSink outputs, CanonicalForm canonical,
                           Map<String, PnlSnapshot> finals, Map<String, PerformanceStats> stats) {

    /** SHA-256 of the canonical form. */
    public String digest() {
        return canonical.digest();
    }
}
