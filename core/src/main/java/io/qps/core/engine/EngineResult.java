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
 * @param finals each book's PnL marked after the last event (strategies in {@code StrategyId} order, then TOTAL);
 *     not the reported PnL, which is the last equity-curve sample (see {@code stats})
 * @param stats performance statistics per enabled strategy, then TOTAL; their PnL is each book's last
 *     equity-curve sample, the definition the streaming runs and the verifier use
 */
public record EngineResult(long events, long lastSeq, RecordingSink outputs, CanonicalForm canonical,
                           Map<String, PnlSnapshot> finals, Map<String, PerformanceStats> stats) {

    /** SHA-256 of the canonical form. */
    public String digest() {
        return canonical.digest();
    }
}
