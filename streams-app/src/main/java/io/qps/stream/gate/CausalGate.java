package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.List;
import java.util.Objects;

/**
 * The gated merge of N upstream sources. Each source delivers, in its own order, records (seq
 * non-decreasing) and progress markers "source i has passed seq S". The gate buffers records and
 * releases them in ascending {@link CausalKey} order, a record only once its {@code seq} is at or below
 * the frontier (the minimum passed seq over all sources). Releases happen only when the frontier moves,
 * so the concatenation of everything released is the sorted list of all records with
 * {@code seq <= frontier}: a function of the set of records and the frontier, not of arrival order.
 *
 * <p>Broken invariants throw {@link GateInvariantException}: a record whose {@code seq} its own source
 * already passed (late data; this covers everything at or below the released frontier), a causal key
 * seen twice, a marker that goes backwards, an unknown source index. All state lives in the
 * {@link GateBuffer} and the {@link GateProgress}; {@link #writeProgress()} and {@link #restore}
 * continue a gate exactly where it stopped.
 */
public final class CausalGate {
    private final GateBuffer buffer;
    private final GateProgress progress;

    private CausalGate(GateBuffer buffer, GateProgress progress) {
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** A fresh gate over {@code sources} upstream sources with an empty {@code buffer}. */
    public static CausalGate create(int sources, GateBuffer buffer) {
        return new CausalGate(buffer, new GateProgress(sources));
    }

    /** The gate that {@link #writeProgress()} saved, with the buffer it had at that moment. */
    public static CausalGate restore(byte[] progress, GateBuffer buffer) {
        return new CausalGate(buffer, GateProgress.read(progress));
    }

    /**
     * Buffers a record delivered by upstream {@code source}. Never releases anything: a record that
     * could be released at once would be late. Record seqs are >= 0 (dense global seq).
     */
    public void offer(int source, CausalKey key, byte[] payload) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        long passed = progress.passed(source);
        if (key.seq() <= passed) {
            throw new GateInvariantException("late record " + key.canonical() + " from source " + source
                    + ": that source already passed seq " + passed + " (frontier " + progress.frontier()
                    + ")");
        }
        if (buffer.get(key) != null) {
            throw new GateInvariantException("duplicate causal key " + key.canonical() + " from source "
                    + source);
        }
        buffer.put(key, payload);
    }

    /**
     * Records that upstream {@code source} has passed {@code seq} and returns, in ascending causal-key
     * order, the records this moves the frontier over; they leave the buffer.
     */
    public List<GateRecord> advance(int source, long seq) {
        long before = progress.frontier();
        progress.advance(source, seq);
        long after = progress.frontier();
        if (after == before) {
            return List.of();
        }
        List<GateRecord> released = buffer.upTo(after);
        for (GateRecord r : released) {
            buffer.remove(r.key());
        }
        return released;
    }

    /** The minimum passed seq over all sources ({@link GateProgress#NONE} before every one reported). */
    public long frontier() {
        return progress.frontier();
    }

    /** The seq upstream {@code source} has passed, or {@link GateProgress#NONE}. */
    public long passed(int source) {
        return progress.passed(source);
    }

    /** The per-source progress as bytes; with the buffer's contents, the gate's whole state. */
    public byte[] writeProgress() {
        return progress.write();
    }
}
