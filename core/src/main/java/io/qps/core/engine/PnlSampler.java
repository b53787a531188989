package io.qps.core.engine;

import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.StrategyId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Turns the portfolio's figures at an equity-curve boundary into {@link PnlSnapshot}s: one per strategy
 * in {@link StrategyId} order, then the TOTAL. The snapshots of boundary B are keyed by the first event
 * at or after B ({@code seq}: the event that crossed it) and numbered {@code sub} 0, 1, ... over the
 * boundaries that one event crossed, so keys are unique. Boundaries must be given in increasing order.
 */
public final class PnlSampler implements Snapshottable {
    private static final StrategyId[] STRATEGIES = StrategyId.values();

    private long lastSeq = -1;
    private int nextSub;

    /**
     * Emits boundary {@code boundaryMicros}'s snapshots.
     *
     * @param seq the first event at or after the boundary
     * @param figures per strategy ordinal {realized, unrealized, fees, gross exposure, fills}, as
     *     {@link io.qps.core.portfolio.Portfolio#figures()} gives them (or their sum over tasks)
     */
    public void emit(long boundaryMicros, long seq, long[][] figures, Consumer<PnlSnapshot> out) {
        if (seq != lastSeq) {
            lastSeq = seq;
            nextSub = 0;
        }
        int sub = nextSub++;
        long[] total = new long[5];
        for (int s = 0; s < STRATEGIES.length; s++) {
            long[] f = figures[s];
            for (int k = 0; k < total.length; k++) {
                total[k] = Math.addExact(total[k], f[k]);
            }
            out.accept(snapshot(seq, STRATEGIES[s].code(), sub, boundaryMicros, f));
        }
        out.accept(snapshot(seq, PnlSnapshot.TOTAL, sub, boundaryMicros, total));
    }

    /** Adds {@code share} into {@code sum}, both indexed like {@link #emit}'s figures. */
    public static void add(long[][] sum, long[][] share) {
        for (int s = 0; s < sum.length; s++) {
            for (int k = 0; k < sum[s].length; k++) {
                sum[s][k] = Math.addExact(sum[s][k], share[s][k]);
            }
        }
    }

    /** Figures of nothing: zeros, indexed like {@link #emit}'s. */
    public static long[][] zero() {
        return new long[STRATEGIES.length][5];
    }

    private static PnlSnapshot snapshot(long seq, String book, int sub, long boundary, long[] f) {
        long totalPnl = Math.subtractExact(Math.addExact(f[0], f[1]), f[2]);
        return new PnlSnapshot(seq, book, sub, boundary, f[0], f[1], f[2], totalPnl, f[3], f[4]);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(lastSeq);
        out.writeInt(nextSub);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        lastSeq = in.readLong();
        nextSub = in.readInt();
    }
}
