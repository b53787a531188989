package io.qps.core.engine;

import java.util.List;

/**
 * The first place where two runs' canonical forms of one topic differ.
 *
 * @param topic the output topic
 * @param index position of the record in causal-key order (0-based)
 * @param expectedLine the reference run's canonical line, or {@code null} if it has no record there
 * @param actualLine the other run's canonical line, or {@code null} if it has no record there
 * @param seq the input {@code seq} behind the first of the two records in causal-key order (see {@link #line})
 * @param differingFields the fields that differ, as {@code name: expected -> actual}; for a record
 *        present on one side only, a single entry saying which side lacks it
 */
public record Divergence(OutputTopic topic, int index, String expectedLine, String actualLine, long seq,
                         List<String> differingFields) {

    /**
     * The divergent record's line: of the two lines at {@code index}, the first in causal-key order. That is the
     * record the other run lacks at this place (a run missing a record has its next one here), or, when both runs
     * have a record with one key and different fields, the expected run's.
     */
    public String line() {
        if (expectedLine == null || actualLine == null) {
            return expectedLine != null ? expectedLine : actualLine;
        }
        return CausalKey.ofLine(actualLine).compareTo(CausalKey.ofLine(expectedLine)) < 0 ? actualLine : expectedLine;
    }

    /** One line for a report: topic, causal key, seq and the differing fields. */
    public String describe() {
        return topic.suffix() + ": first divergence at record " + index + ", causal key "
                + CausalKey.ofLine(line()).canonical() + " (input seq " + seq + "): "
                + String.join("; ", differingFields);
    }
}
