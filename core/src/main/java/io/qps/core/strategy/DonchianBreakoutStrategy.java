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
 * {@code alpha_2_breakout}: Donchian channel breakout on one instrument, decided on bar closes.
 *
 * <p>When a bar closes and the previous {@code channelBars} bars and the ATR are known: a close
 * above the channel's highest high goes long, below its lowest low goes short (flipping an
 * opposite position). A position trails its best close since entry and is closed when the close
 * falls {@code atrMultiple} ATRs behind it. Sizes come from {@code notional} at the current mid.
 */
public final class DonchianBreakoutStrategy extends SingleInstrumentStrategy {
    private final BreakoutConfig config;
    private final BarBuilder bars;
    private final RingBuffer highs;
    private final RingBuffer lows;
    private final TrueRange atr;
    private long mid;
    private long target;
    private double bestClose;

    public DonchianBreakoutStrategy(BreakoutConfig config, Instrument instrument) {
        super(instrument);
        this.config = config;
        this.bars = new BarBuilder(config.barMicros());
        this.highs = new RingBuffer(config.channelBars());
        this.lows = new RingBuffer(config.channelBars());
        this.atr = new TrueRange(config.atrBars());
    }

    @Override
    public StrategyId id() {
        return StrategyId.ALPHA_2_BREAKOUT;
    }

    @Override
    protected void onInstrumentEvent(MarketEvent event, TargetSink sink) {
        if (event.isBook()) {
            mid = Sizing.midRaw(event.bestBid(), event.bestAsk());
        }
        Bar bar = bars.onEvent(event);
        if (bar != null) {
            onBar(bar, sink);
        }
    }

    private void onBar(Bar bar, TargetSink sink) {
        atr.onBar(bar);
        long next = target;
        double close = bar.close();
        if (target != 0) {
            bestClose = target > 0 ? Math.max(bestClose, close) : Math.min(bestClose, close);
            double stop = config.atrMultiple() * atr.value();
            if (target > 0 ? close < bestClose - stop : close > bestClose + stop) {
                next = 0;
            }
        }
        if (highs.isFull() && atr.isReady()) {
            if (close > Stats.max(highs) && next <= 0) {
                next = Sizing.quantity(instrument, mid, config.notional(), config.maxNotional());
                bestClose = close;
            } else if (close < Stats.min(lows) && next >= 0) {
                next = -Sizing.quantity(instrument, mid, config.notional(), config.maxNotional());
                bestClose = close;
            }
        }
        highs.push(bar.high());
        lows.push(bar.low());
        if (next != target) {
            target = next;
            sink.target(instrument.id(), next);
        }
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        StateHeader.write(out, id(), instrument.id());
        bars.writeState(out);
        highs.writeState(out);
        lows.writeState(out);
        atr.writeState(out);
        out.writeLong(mid);
        out.writeLong(target);
        out.writeDouble(target != 0 ? bestClose : 0);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateHeader.check(in, id(), instrument.id());
        bars.readState(in);
        highs.readState(in);
        lows.readState(in);
        atr.readState(in);
        mid = in.readLong();
        target = in.readLong();
        bestClose = in.readDouble();
    }
}
