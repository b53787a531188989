package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketView;
import io.qps.core.strategy.indicator.RingBuffer;
import io.qps.core.strategy.indicator.Stats;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * {@code alpha_1_pairs}: mean reversion of the log-price spread of two instruments.
 *
 * <p>At every bar boundary B (a multiple of {@code barMicros}), each leg's bar [B - barMicros, B) is
 * closed; a leg has a bar when it had a quote or book in it, and the bar's close is the mid of its
 * last one. When both legs have a bar, the pair of log closes enters a rolling window and the
 * strategy fits {@code log A = alpha + beta log B} by OLS over it. The spread's z-score is the
 * newest residual over the residuals' standard deviation. Flat: z above {@code entryZ} shorts the
 * spread (sell A, buy B), below {@code -entryZ} buys it, unless |z| is beyond {@code stopZ} or a
 * cool-down runs. In a position: z back past {@code exitZ} towards the other side closes it; |z|
 * beyond {@code stopZ} closes it and starts a cool-down of {@code cooldownBars} paired bars. Each
 * leg is sized from {@code legNotional} at its last mid, so the legs carry about equal dollars.
 * Targets are stated leg A first.
 */
public final class PairsMeanReversionStrategy implements BoundaryStrategy {
    private final PairsConfig config;
    private final Instrument legA;
    private final Instrument legB;
    private final List<Integer> subscriptions;
    private final RingBuffer logA;
    private final RingBuffer logB;
    /** +1 long the spread (long A, short B), -1 short it, 0 flat. */
    private int direction;
    private long targetA;
    private long targetB;
    private int cooldown;

    public PairsMeanReversionStrategy(PairsConfig config, Instrument legA, Instrument legB) {
        if (legA.id() == legB.id()) {
            throw new IllegalArgumentException("a pair needs two instruments, got " + legA.symbol() + " twice");
        }
        this.config = config;
        this.legA = legA;
        this.legB = legB;
        this.subscriptions = legA.id() < legB.id() ? List.of(legA.id(), legB.id()) : List.of(legB.id(), legA.id());
        this.logA = new RingBuffer(config.lookbackBars());
        this.logB = new RingBuffer(config.lookbackBars());
    }

    @Override
    public StrategyId id() {
        return StrategyId.ALPHA_1_PAIRS;
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
        return config.barMicros();
    }

    @Override
    public void onBoundary(long boundaryMicros, MarketView view, TargetSink sink) {
        long barStart = boundaryMicros - config.barMicros();
        int a = legA.id();
        int b = legB.id();
        if (!hasBar(view, a, barStart) || !hasBar(view, b, barStart)) {
            return;
        }
        logA.push(StrictMath.log((view.bid(a) + (double) view.ask(a)) * 0.5));
        logB.push(StrictMath.log((view.bid(b) + (double) view.ask(b)) * 0.5));
        onPairedBar(Sizing.midRaw(view.bid(a), view.ask(a)), Sizing.midRaw(view.bid(b), view.ask(b)), sink);
    }

    private static boolean hasBar(MarketView view, int instrument, long barStart) {
        long t = view.bookMicros(instrument);
        return t != MarketView.NONE && t >= barStart;
    }

    private void onPairedBar(long midA, long midB, TargetSink sink) {
        if (cooldown > 0) {
            cooldown--;
        }
        if (!logA.isFull()) {
            return;
        }
        double z = Stats.ols(logA, logB).zScore();
        if (Double.isNaN(z)) {
            return;
        }
        double absZ = Math.abs(z);
        if (direction != 0) {
            if (absZ > config.stopZ()) {
                cooldown = config.cooldownBars();
                setTargets(0, 0, 0, sink);
            } else if (direction > 0 ? z > -config.exitZ() : z < config.exitZ()) {
                setTargets(0, 0, 0, sink);
            }
        } else if (cooldown == 0 && absZ > config.entryZ() && absZ <= config.stopZ()) {
            long qa = Sizing.quantity(legA, midA, config.legNotional(), config.maxNotional());
            long qb = Sizing.quantity(legB, midB, config.legNotional(), config.maxNotional());
            if (qa > 0 && qb > 0) {
                int dir = z > 0 ? -1 : 1;
                setTargets(dir, dir * qa, -dir * qb, sink);
            }
        }
    }

    private void setTargets(int dir, long qa, long qb, TargetSink sink) {
        direction = dir;
        if (qa != targetA) {
            targetA = qa;
            sink.target(legA.id(), qa);
        }
        if (qb != targetB) {
            targetB = qb;
            sink.target(legB.id(), qb);
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        StateHeader.write(out, id(), legA.id());
        out.writeInt(legB.id());
        logA.writeState(out);
        logB.writeState(out);
        out.writeByte(direction);
        out.writeLong(targetA);
        out.writeLong(targetB);
        out.writeInt(cooldown);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateHeader.check(in, id(), legA.id());
        int b = in.readInt();
        if (b != legB.id()) {
            throw new IOException("pairs state for hedge leg " + b + " cannot be read into a pair with " + legB.symbol());
        }
        logA.readState(in);
        logB.readState(in);
        direction = in.readByte();
        targetA = in.readLong();
        targetB = in.readLong();
        cooldown = in.readInt();
    }
}
