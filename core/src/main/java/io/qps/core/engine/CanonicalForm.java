package io.qps.core.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a run's outputs (DESIGN.md section 1.2): each topic's records sorted by causal
 * key, each written as its canonical line. Two runs match when their canonical forms are equal; the
 * digest is the SHA-256 of the whole form, topic by topic in {@link OutputTopic} order, each topic as
 * its name, a newline, then one line per record.
 */
public final class CanonicalForm {
    private final Map<OutputTopic, List<String>> lines;
    /** Computed once, on first use (the form is immutable). */
    private volatile CanonicalDigest digests;

    private CanonicalForm(Map<OutputTopic, List<String>> lines) {
        this.lines = lines;
    }

    /** Builds the canonical form from records in any order. Two records with one key are a broken invariant. */
    public static CanonicalForm of(Map<OutputTopic, ? extends Collection<? extends OutputRecord>> records) {
        Map<OutputTopic, List<String>> result = new EnumMap<>(OutputTopic.class);
        for (OutputTopic topic : OutputTopic.values()) {
            Collection<? extends OutputRecord> topicRecords = records.get(topic);
            List<Keyed> sorted = new ArrayList<>(topicRecords == null ? 0 : topicRecords.size());
            if (topicRecords != null) {
                for (OutputRecord r : topicRecords) {
                    sorted.add(new Keyed(r.key(), r));
                }
            }
            sorted.sort(Comparator.comparing(Keyed::key));
            List<String> topicLines = new ArrayList<>(sorted.size());
            CausalKey previous = null;
            for (Keyed k : sorted) {
                if (k.key().equals(previous)) {
                    throw new IllegalStateException(topic.suffix() + ": two records with causal key " + previous.canonical());
                }
                previous = k.key();
                topicLines.add(k.record().canonical());
            }
            result.put(topic, List.copyOf(topicLines));
        }
        return new CanonicalForm(result);
    }

    /** A record with its causal key, built once rather than at every comparison of the sort. */
    private record Keyed(CausalKey key, OutputRecord record) {
    }

    /** The canonical lines of one topic, in causal-key order. */
    public List<String> lines(OutputTopic topic) {
        return lines.get(topic);
    }

    /** SHA-256 (hex) of one topic's canonical lines. */
    public String digest(OutputTopic topic) {
        return digests().digest(topic);
    }

    /** SHA-256 (hex) of the whole canonical form. */
    public String digest() {
        return digests().digest();
    }

    private CanonicalDigest digests() {
        CanonicalDigest d = digests;
        if (d == null) {
            d = new CanonicalDigest(true);
            for (OutputTopic topic : OutputTopic.values()) {
                d.topic(topic);
                lines.get(topic).forEach(d::line);
            }
            d.finish();
            digests = d;
        }
        return d;
    }
}
