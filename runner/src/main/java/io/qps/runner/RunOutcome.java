package io.qps.runner;

import io.qps.core.engine.OutputTopic;
import io.qps.schemas.RunManifest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A completed run.
 *
 * @param manifest the run's catalog entry as recorded (COMPLETE)
 * @param records committed records of each output topic, in {@link OutputTopic} order
 * @param elapsedNanos wall time from the start of the application to its clean close
 * @param warnings what the checks before the run found different from the current code or session (replay), one
 *     line each; empty when nothing differs
 */
public record RunOutcome(RunManifest manifest, Map<OutputTopic, Long> records, long elapsedNanos,
                         List<String> warnings) {
    /** Copies. */
    public RunOutcome {
        EnumMap<OutputTopic, Long> copy = new EnumMap<>(OutputTopic.class);
        copy.putAll(records);
        records = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** The run id. */
    public String run() {
        return manifest.getRun();
    }

    /** Events processed (the last released seq). */
    public long events() {
        return manifest.getEvents();
    }
}
