package io.qps.core.engine;

import java.util.List;

/**
 * The first place where two runs' canonical forms of one topic differ.
 *
 * @param topic the output topic
 * @param index position of the record in causal-key order (0-based)
 * @param expectedLine the reference run's canonical line, or {@code null} if it has no record there
 * @param actualLine the other run's canonical line, or {@code null} if it has no record there
 * @param seq the input {@code seq} behind the first of the two records (their causal key's seq)
 * @param differingFields the fields that differ, as {@code name: expected -> actual}; for a record
 *        present on one side only, a single entry saying which side lacks it
 */
public record Divergence(OutputTopic topic, int index, String expectedLine, String actualLine, long seq,
                         List<String> differingFields) {

    /** One line for a report: topic, causal key, seq and the differing fields. */
    public String describe() {
        String line = expectedLine != null ? expectedLine : actualLine;
        String[] key = line.split("\\|", 4);
        return topic.suffix() + ": first divergence at record " + index + ", causal key " + key[0] + "|" + key[1]
                + "|" + key[2] + " (input seq " + seq + "): " + String.join("; ", differingFields);
    }
}
