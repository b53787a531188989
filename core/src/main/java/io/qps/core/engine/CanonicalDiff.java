package io.qps.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two runs' canonical forms topic by topic and names the first divergent record of each,
 * with the fields that differ (DESIGN.md section 1.4). Field names come from {@link OutputTopic#fieldNames}.
 */
public final class CanonicalDiff {
    private CanonicalDiff() {
    }

    /** The first divergence of {@code topic}, or empty when both runs wrote the same lines. */
    public static Optional<Divergence> first(CanonicalForm expected, CanonicalForm actual, OutputTopic topic) {
        List<String> a = expected.lines(topic);
        List<String> b = actual.lines(topic);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return Optional.of(at(topic, i, a.get(i), b.get(i)));
            }
        }
        if (a.size() > n) {
            return Optional.of(at(topic, n, a.get(n), null));
        }
        if (b.size() > n) {
            return Optional.of(at(topic, n, null, b.get(n)));
        }
        return Optional.empty();
    }

    /**
     * The divergence at position {@code index} of {@code topic}, where the two runs' lines differ: the fields that
     * differ, or, when one line is {@code null} (that run has no record there), which run lacks it.
     */
    public static Divergence at(OutputTopic topic, int index, String expected, String actual) {
        if (expected == null && actual == null) {
            throw new IllegalArgumentException("no divergence without a line");
        }
        if (actual == null) {
            return new Divergence(topic, index, expected, null, seqOf(expected),
                    List.of("record missing from the actual run"));
        }
        if (expected == null) {
            return new Divergence(topic, index, null, actual, seqOf(actual), List.of("extra record in the actual run"));
        }
        return fieldsOf(topic, index, expected, actual);
    }

    /** The first divergence of every topic that has one, in {@link OutputTopic} order. */
    public static List<Divergence> all(CanonicalForm expected, CanonicalForm actual) {
        List<Divergence> result = new ArrayList<>();
        for (OutputTopic topic : OutputTopic.values()) {
            first(expected, actual, topic).ifPresent(result::add);
        }
        return result;
    }

    private static Divergence fieldsOf(OutputTopic topic, int index, String expected, String actual) {
        String[] x = expected.split("\\|", -1);
        String[] y = actual.split("\\|", -1);
        List<String> names = topic.fieldNames(x);
        List<String> differing = new ArrayList<>();
        for (int f = 0; f < Math.max(x.length, y.length); f++) {
            String u = f < x.length ? x[f] : "(none)";
            String v = f < y.length ? y[f] : "(none)";
            if (!u.equals(v)) {
                String name = f < names.size() ? names.get(f) : "field " + f;
                differing.add(name + ": " + u + " -> " + v);
            }
        }
        return new Divergence(topic, index, expected, actual, Math.min(seqOf(expected), seqOf(actual)), differing);
    }

    private static long seqOf(String line) {
        return Long.parseLong(line.substring(0, line.indexOf('|')));
    }
}
