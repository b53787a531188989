package io.qps.verify.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.verify.RunResults;
import java.util.Objects;

/**
 * What a report is made from: one run's outputs (its fills, positions and equity curve, read back from its topics
 * or taken from the reference engine) and the verifier's verdict on the session ({@code results_detailed.json}).
 *
 * @param session the session id
 * @param run the run's outputs, in causal-key order
 * @param universe the session's instruments (scales of prices and quantities)
 * @param config the engine configuration (statistics conventions, sample interval, enabled strategies)
 * @param verification the content of {@code results_detailed.json} for the session, or null when not verified
 * @param maxFills how many fills of each strategy the blotter shows
 */
public record ReportInput(String session, RunResults run, Universe universe, EngineConfig config,
                          JsonNode verification, int maxFills) {
    /** Fills per strategy in the blotter by default. */
    public static final int DEFAULT_MAX_FILLS = 500;

    public ReportInput {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(universe, "universe");
        Objects.requireNonNull(config, "config");
        if (maxFills < 0) {
            throw new IllegalArgumentException("maxFills must be >= 0, was " + maxFills);
        }
    }
}
