package io.qps.core.data;

import java.util.List;

/** A CSV that cannot be imported: a one-line summary and the bad lines ({@code line N: what is wrong}). */
public final class TickCsvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> lines;

    public TickCsvException(String summary, List<String> lines) {
        super(summary);
        this.lines = List.copyOf(lines);
    }

    /** The bad lines reported, in file order. */
    public List<String> lines() {
        return lines;
    }
}
