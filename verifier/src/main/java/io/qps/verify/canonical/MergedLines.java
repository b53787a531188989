package io.qps.verify.canonical;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The k-way merge of sorted spill files: their lines in causal-key order, one line per file in memory. Two lines
 * with one causal key are a broken invariant (as in {@link io.qps.core.engine.CanonicalForm}) and throw.
 */
public final class MergedLines implements Iterator<KeyedLine>, AutoCloseable {
    private static final Comparator<SpillFile.Cursor> HEADS = Comparator
            .comparing(SpillFile.Cursor::head).thenComparingInt(SpillFile.Cursor::order);

    private final String label;
    private final List<SpillFile.Cursor> open = new ArrayList<>();
    private final PriorityQueue<SpillFile.Cursor> heads;
    private KeyedLine previous;

    /** @param label what the lines are (a topic name), for the duplicate-key error */
    MergedLines(String label, List<Path> files) {
        this.label = label;
        this.heads = new PriorityQueue<>(Math.max(1, files.size()), HEADS);
        try {
            for (int i = 0; i < files.size(); i++) {
                SpillFile.Cursor c = SpillFile.open(files.get(i), i);
                open.add(c);
                if (c.head() != null) {
                    heads.add(c);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        return !heads.isEmpty();
    }

    @Override
    public KeyedLine next() {
        SpillFile.Cursor c = heads.poll();
        if (c == null) {
            throw new NoSuchElementException("no more " + label + " lines");
        }
        KeyedLine line = c.head();
        c.advance();
        if (c.head() != null) {
            heads.add(c);
        }
        if (previous != null && previous.key().equals(line.key())) {
            throw new IllegalStateException(label + ": two records with causal key " + line.key().canonical());
        }
        previous = line;
        return line;
    }

    /** The next line, or {@code null} at the end. */
    public KeyedLine nextOrNull() {
        return hasNext() ? next() : null;
    }

    @Override
    public void close() {
        for (SpillFile.Cursor c : open) {
            c.close();
        }
        open.clear();
        heads.clear();
    }
}
