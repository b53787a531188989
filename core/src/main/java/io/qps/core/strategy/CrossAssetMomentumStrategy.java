package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketView;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code alpha_4_multi_asset}: cross-asset relative momentum over a set of instruments.
 *
 * <p>Event time is cut into rebalance periods aligned to the epoch; every boundary B the event stream
 * crosses triggers a rebalance on the last books before B. An instrument is fresh when its market is
 * open at B and its last book event is at most {@code staleMicros} older than B; each
 * fresh instrument's mid is sampled for the period. Its lookback return is
 * {@code mid / sample(period - lookbackPeriods) - 1} when that older sample exists. Instruments
 * with a return, ranked by return (ties: lower instrument id first), are held long (top
 * {@code topK}) and short (bottom {@code topK}) with equal notional, and everything else is flat;
 * with fewer than {@code 2 * topK} ranked, everything is flat. Targets are stated in instrument
 * id order, only where they change.
 */
public final class CrossAssetMomentumStrategy implements BoundaryStrategy {
    private static final long NONE = Long.MIN_VALUE;

    private final MomentumConfig config;
    private final Instrument[] instruments;
    private final List<Integer> subscriptions;
    /** Slot of an instrument id in the arrays below, or -1. */
    private final int[] slotOf;
    private final long[] mids;
    private final long[] targets;
    /** Per slot, a ring of {@code lookbackPeriods + 1} sampled mids indexed by period mod length. */
    private final long[][] samples;
    private final long[][] samplePeriods;

    /** @param instruments the instruments to rank, any order (they are used in id order) */
    public CrossAssetMomentumStrategy(MomentumConfig config, List<Instrument> instruments) {
        this.config = config;
        List<Instrument> sorted = new ArrayList<>(instruments);
        sorted.sort((a, b) -> Integer.compare(a.id(), b.id()));
        this.instruments = sorted.toArray(new Instrument[0]);
        int maxId = -1;
        List<Integer> ids = new ArrayList<>();
        for (Instrument in : this.instruments) {
            maxId = Math.max(maxId, in.id());
            ids.add(in.id());
        }
        this.subscriptions = Collections.unmodifiableList(ids);
        this.slotOf = new int[maxId + 1];
        Arrays.fill(slotOf, -1);
        for (int s = 0; s < this.instruments.length; s++) {
            if (slotOf[this.instruments[s].id()] >= 0) {
                throw new IllegalArgumentException("instrument " + this.instruments[s].symbol() + " given twice");
            }
            slotOf[this.instruments[s].id()] = s;
        }
        int n = this.instruments.length;
        this.mids = new long[n];
        this.targets = new long[n];
        this.samples = new long[n][config.lookbackPeriods() + 1];
        this.samplePeriods = new long[n][config.lookbackPeriods() + 1];
        for (long[] p : samplePeriods) {
            Arrays.fill(p, NONE);
        }
    }

    @Override
    public StrategyId id() {
        return StrategyId.ALPHA_4_MULTI_ASSET;
    }

    @Override
    public String instanceName() {
        return id().code();
    }

    @Override
    public List<Integer> subscriptions() {
        return subscriptions;
    }

    @Override
    public long intervalMicros() {
        return config.rebalanceMicros();
    }

    @Override
    public void onBoundary(long boundaryMicros, MarketView view, TargetSink sink) {
        for (int s = 0; s < instruments.length; s++) {
            int id = instruments[s].id();
            mids[s] = view.bookMicros(id) == MarketView.NONE ? 0 : Sizing.midRaw(view.bid(id), view.ask(id));
        }
        rebalance(Math.floorDiv(boundaryMicros, config.rebalanceMicros()), boundaryMicros, view, sink);
    }

    private void rebalance(long period, long ts, MarketView view, TargetSink sink) {
        int len = config.lookbackPeriods() + 1;
        int slot = (int) Math.floorMod(period, (long) len);
        int oldSlot = (int) Math.floorMod(period - config.lookbackPeriods(), (long) len);
        int n = instruments.length;
        double[] returns = new double[n];
        Integer[] ranked = new Integer[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            Instrument in = instruments[s];
            long bookMicros = view.bookMicros(in.id());
            boolean fresh = bookMicros != MarketView.NONE && ts - bookMicros <= config.staleMicros()
                    && in.hours().isOpen(ts);
            if (!fresh) {
                continue;
            }
            samples[s][slot] = mids[s];
            samplePeriods[s][slot] = period;
            if (samplePeriods[s][oldSlot] == period - config.lookbackPeriods() && samples[s][oldSlot] > 0
                    && Sizing.quantity(in, mids[s], config.notional(), config.maxNotional()) > 0) {
                returns[s] = (double) mids[s] / samples[s][oldSlot] - 1.0;
                ranked[count++] = s;
            }
        }
        long[] next = new long[n];
        int k = config.topK();
        if (count >= 2 * k) {
            Arrays.sort(ranked, 0, count, (a, b) -> {
                int c = Double.compare(returns[b], returns[a]);
                return c != 0 ? c : Integer.compare(instruments[a].id(), instruments[b].id());
            });
            for (int i = 0; i < k; i++) {
                int top = ranked[i];
                int bottom = ranked[count - 1 - i];
                next[top] = Sizing.quantity(instruments[top], mids[top], config.notional(), config.maxNotional());
                next[bottom] = -Sizing.quantity(instruments[bottom], mids[bottom], config.notional(), config.maxNotional());
            }
        }
        for (int s = 0; s < n; s++) {
            if (keep(s, next[s])) {
                continue;
            }
            targets[s] = next[s];
            sink.target(instruments[s].id(), next[s]);
        }
    }

    /** A held position on the same side is kept as it is (no resizing churn); otherwise the target changes. */
    private boolean keep(int s, long next) {
        return Long.signum(next) == Long.signum(targets[s]);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        StateHeader.write(out, id(), -1);
        out.writeInt(instruments.length);
        for (int s = 0; s < instruments.length; s++) {
            out.writeInt(instruments[s].id());
            out.writeLong(targets[s]);
            for (int j = 0; j < samples[s].length; j++) {
                boolean held = samplePeriods[s][j] != NONE;
                out.writeLong(samplePeriods[s][j]);
                out.writeLong(held ? samples[s][j] : 0);
            }
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateHeader.check(in, id(), -1);
        int n = in.readInt();
        if (n != instruments.length) {
            throw new IOException("momentum state for " + n + " instruments cannot be read into one over " + instruments.length);
        }
        for (int s = 0; s < n; s++) {
            int id = in.readInt();
            if (id != instruments[s].id()) {
                throw new IOException("momentum state slot " + s + " is instrument " + id + ", expected " + instruments[s].id());
            }
            targets[s] = in.readLong();
            for (int j = 0; j < samples[s].length; j++) {
                samplePeriods[s][j] = in.readLong();
                samples[s][j] = in.readLong();
            }
        }
    }
}
