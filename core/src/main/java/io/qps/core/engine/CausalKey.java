package io.qps.core.engine;

import java.util.Comparator;
import java.util.Objects;

/**
 * What produced an output record: the global {@code seq} of the input event that caused it, the
 * producer ({@code source}: a strategy id, an instrument symbol, or both joined by '/'), and a
 * sub-index numbering several outputs of one cause from 0. Sorting a topic's records by this key
 * gives its canonical order (DESIGN.md section 1.2).
 */
public record CausalKey(long seq, String source, int sub) implements Comparable<CausalKey> {
    private static final Comparator<CausalKey> ORDER = Comparator.comparingLong(CausalKey::seq)
            .thenComparing(CausalKey::source).thenComparingInt(CausalKey::sub);

    public CausalKey {
        Objects.requireNonNull(source, "source");
        if (sub < 0) {
            throw new IllegalArgumentException("sub must be >= 0, was " + sub);
        }
    }

    @Override
    public int compareTo(CausalKey o) {
        return ORDER.compare(this, o);
    }

    /** The key a canonical line starts with ({@code seq|source|sub|...}). */
    public static CausalKey ofLine(String canonicalLine) {
        String[] f = canonicalLine.split("\\|", 4);
        if (f.length < 3) {
            throw new IllegalArgumentException("not a canonical line: " + canonicalLine);
        }
        return new CausalKey(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]));
    }

    /** {@code seq|source|sub}: the key's canonical text. */
    public String canonical() {
        return seq + "|" + source + "|" + sub;
    }
}
