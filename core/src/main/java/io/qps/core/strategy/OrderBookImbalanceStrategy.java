package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.strategy.indicator.BarBuilder;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code alpha_5_orderbook}: short-horizon order-book imbalance on one instrument, with limit orders.
 *
 * <p>On every book event: the imbalance is {@code (B - A) / (B + A)} with {@code B}, {@code A} the
 * summed sizes of the top {@code levels} bid and ask levels (a quote counts as one level), and the
 * microprice is {@code (bid * askSize + ask * bidSize) / (bidSize + askSize)} at the top level.
 * Flat and out of cool-down: an imbalance above {@code threshold} with the microprice above the mid
 * joins the bid (a limit buy at the best bid); below {@code -threshold} with the microprice below
 * the mid joins the ask. While held, the limit is re-pegged to the best price on its side only
 * when that price moves away from it (the bid up for a buy, the ask down for a sell; a move towards
 * it leaves the order resting where it may fill); after {@code holdMicros} the target goes flat with a market order and a cool-down of
 * {@code cooldownMicros} starts. Per-event work is O(levels) and allocation-free.
 */
public final class OrderBookImbalanceStrategy extends SingleInstrumentStrategy {
    private final ImbalanceConfig config;
    private long target;
    private long peggedPrice;
    private long entryMicros;
    private long cooldownUntilMicros = Long.MIN_VALUE;

    public OrderBookImbalanceStrategy(ImbalanceConfig config, Instrument instrument) {
        super(instrument);
        this.config = config;
    }

    @Override
    public StrategyId id() {
        return StrategyId.ALPHA_5_ORDERBOOK;
    }

    /**
     * The volume-weighted imbalance of the top {@code levels} levels of {@code event}, in [-1, 1];
     * 0 for a trade.
     */
    public static double imbalance(MarketEvent event, int levels) {
        double bids;
        double asks;
        if (event instanceof BookUpdate b) {
            bids = sum(b.bidSizes(), levels);
            asks = sum(b.askSizes(), levels);
        } else if (event instanceof Quote q) {
            bids = q.bidSize();
            asks = q.askSize();
        } else {
            return 0;
        }
        double total = bids + asks;
        return total > 0 ? (bids - asks) / total : 0;
    }

    /** The top-level microprice of a book event (raw price units), NaN for a trade. */
    public static double microprice(MarketEvent event) {
        double bidSize;
        double askSize;
        if (event instanceof BookUpdate b) {
            bidSize = b.bidSizes()[0];
            askSize = b.askSizes()[0];
        } else if (event instanceof Quote q) {
            bidSize = q.bidSize();
            askSize = q.askSize();
        } else {
            return Double.NaN;
        }
        return (event.bestBid() * askSize + event.bestAsk() * bidSize) / (bidSize + askSize);
    }

    private static double sum(long[] sizes, int levels) {
        double s = 0;
        for (int i = 0; i < Math.min(levels, sizes.length); i++) {
            s += sizes[i];
        }
        return s;
    }

    @Override
    protected void onInstrumentEvent(MarketEvent event, TargetSink sink) {
        if (!event.isBook()) {
            return;
        }
        long ts = event.timestampMicros();
        if (target != 0) {
            if (ts - entryMicros >= config.holdMicros()) {
                target = 0;
                cooldownUntilMicros = ts + config.cooldownMicros();
                sink.target(instrument.id(), 0);
            } else {
                long best = target > 0 ? event.bestBid() : event.bestAsk();
                if (target > 0 ? best > peggedPrice : best < peggedPrice) {
                    peggedPrice = best;
                    sink.targetLimit(instrument.id(), target, best);
                }
            }
            return;
        }
        if (ts < cooldownUntilMicros) {
            return;
        }
        double imbalance = imbalance(event, config.levels());
        double mid = BarBuilder.mid(event);
        double micro = microprice(event);
        int side = imbalance > config.threshold() && micro > mid ? 1
                : imbalance < -config.threshold() && micro < mid ? -1 : 0;
        if (side == 0) {
            return;
        }
        long qty = Sizing.quantity(instrument, Sizing.midRaw(event.bestBid(), event.bestAsk()),
                config.notional(), config.maxNotional());
        if (qty == 0) {
            return;
        }
        target = side * qty;
        peggedPrice = side > 0 ? event.bestBid() : event.bestAsk();
        entryMicros = ts;
        sink.targetLimit(instrument.id(), target, peggedPrice);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        StateHeader.write(out, id(), instrument.id());
        out.writeLong(target);
        out.writeLong(target != 0 ? peggedPrice : 0);
        out.writeLong(target != 0 ? entryMicros : 0);
        out.writeLong(cooldownUntilMicros);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateHeader.check(in, id(), instrument.id());
        target = in.readLong();
        peggedPrice = in.readLong();
        entryMicros = in.readLong();
        cooldownUntilMicros = in.readLong();
    }
}
