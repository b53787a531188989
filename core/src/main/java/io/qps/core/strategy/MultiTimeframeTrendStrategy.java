package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketEvent;
import io.qps.core.strategy.indicator.Bar;
import io.qps.core.strategy.indicator.BarBuilder;
import io.qps.core.strategy.indicator.RingBuffer;
import io.qps.core.strategy.indicator.Stats;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code alpha_3_mtf}: trade pullbacks in the direction of a higher-timeframe trend.
 *
 * <p>On slow (trend) bar closes the trend is the sign of the fast minus the slow moving average
 * of slow-bar closes; a change of trend forgets any pullback and closes a position against it. On
 * fast (entry) bar closes, with a trend: in an uptrend a close below the short moving average of
 * fast-bar closes marks a pullback, and a later close back above it goes long (mirrored in a
 * downtrend). A position closes at the stop ({@code stopAtr} ATRs against the entry close), the
 * target ({@code targetAtr} ATRs in favour) or a trend flip. When one event closes both bars the
 * slow bar is handled first.
 */
public final class MultiTimeframeTrendStrategy extends SingleInstrumentStrategy {
    private final MtfConfig config;
    private final BarBuilder fastBars;
    private final BarBuilder slowBars;
    private final RingBuffer slowCloses;
    private final RingBuffer fastCloses;
    private final TrueRange atr;
    private long mid;
    private int trend;
    private boolean pulledBack;
    private long target;
    private double entryPrice;
    private double entryAtr;

    public MultiTimeframeTrendStrategy(MtfConfig config, Instrument instrument) {
        super(instrument);
        this.config = config;
        this.fastBars = new BarBuilder(config.fastBarMicros());
        this.slowBars = new BarBuilder(config.slowBarMicros());
        this.slowCloses = new RingBuffer(config.trendSlowBars());
        this.fastCloses = new RingBuffer(config.pullbackMaBars());
        this.atr = new TrueRange(config.atrBars());
    }

    @Override
    public StrategyId id() {
        return StrategyId.ALPHA_3_MTF;
    }

    @Override
    protected void onInstrumentEvent(MarketEvent event, TargetSink sink) {
        if (event.isBook()) {
            mid = Sizing.midRaw(event.bestBid(), event.bestAsk());
        }
        Bar slow = slowBars.onEvent(event);
        Bar fast = fastBars.onEvent(event);
        long next = target;
        if (slow != null) {
            next = onSlowBar(slow, next);
        }
        if (fast != null) {
            next = onFastBar(fast, next);
        }
        if (next != target) {
            target = next;
            sink.target(instrument.id(), next);
        }
    }

    private long onSlowBar(Bar bar, long current) {
        slowCloses.push(bar.close());
        if (!slowCloses.isFull()) {
            return current;
        }
        double diff = Stats.mean(slowCloses, config.trendFastBars()) - Stats.mean(slowCloses);
        int newTrend = diff > 0 ? 1 : diff < 0 ? -1 : 0;
        if (newTrend != trend) {
            trend = newTrend;
            pulledBack = false;
        }
        return current != 0 && Long.signum(current) != trend ? 0 : current;
    }

    private long onFastBar(Bar bar, long current) {
        atr.onBar(bar);
        fastCloses.push(bar.close());
        if (!fastCloses.isFull() || !atr.isReady()) {
            return current;
        }
        double close = bar.close();
        if (current != 0) {
            double move = (close - entryPrice) * Long.signum(current);
            boolean stopped = move <= -config.stopAtr() * entryAtr;
            boolean reached = move >= config.targetAtr() * entryAtr;
            return stopped || reached ? 0 : current;
        }
        if (trend == 0) {
            return current;
        }
        double ma = Stats.mean(fastCloses);
        boolean against = trend > 0 ? close < ma : close > ma;
        boolean resumed = trend > 0 ? close > ma : close < ma;
        if (against) {
            pulledBack = true;
        } else if (pulledBack && resumed) {
            pulledBack = false;
            long qty = Sizing.quantity(instrument, mid, config.notional(), config.maxNotional());
            if (qty > 0) {
                entryPrice = close;
                entryAtr = atr.value();
                return trend * qty;
            }
        }
        return current;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        StateHeader.write(out, id(), instrument.id());
        fastBars.writeState(out);
        slowBars.writeState(out);
        slowCloses.writeState(out);
        fastCloses.writeState(out);
        atr.writeState(out);
        out.writeLong(mid);
        out.writeByte(trend);
        out.writeBoolean(pulledBack);
        out.writeLong(target);
        out.writeDouble(target != 0 ? entryPrice : 0);
        out.writeDouble(target != 0 ? entryAtr : 0);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateHeader.check(in, id(), instrument.id());
        fastBars.readState(in);
        slowBars.readState(in);
        slowCloses.readState(in);
        fastCloses.readState(in);
        atr.readState(in);
        mid = in.readLong();
        trend = in.readByte();
        pulledBack = in.readBoolean();
        target = in.readLong();
        entryPrice = in.readDouble();
        entryAtr = in.readDouble();
    }
}
