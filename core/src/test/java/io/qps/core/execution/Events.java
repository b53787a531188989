package io.qps.core.execution;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;

/** Short factories for test inputs. Instrument ids are those of {@code Universe.standard()}. */
final class Events {
    static final int BTC = 0;
    static final int XOM = 2;
    static final int AAPL = 4;
    static final int EURUSD = 6;
    static final int ES = 8;

    private Events() {
    }

    static Quote quote(long seq, long ts, int instrument, long bid, long bidSize, long ask, long askSize) {
        return new Quote(seq, ts, instrument, bid, bidSize, ask, askSize);
    }

    /** A book with levels given as {price, size} pairs: {@code bids} best first, {@code asks} best first. */
    static BookUpdate book(long seq, long ts, int instrument, long[] bids, long[] asks) {
        int nb = bids.length / 2;
        int na = asks.length / 2;
        long[] bp = new long[nb];
        long[] bs = new long[nb];
        long[] ap = new long[na];
        long[] as = new long[na];
        for (int i = 0; i < nb; i++) {
            bp[i] = bids[2 * i];
            bs[i] = bids[2 * i + 1];
        }
        for (int i = 0; i < na; i++) {
            ap[i] = asks[2 * i];
            as[i] = asks[2 * i + 1];
        }
        return new BookUpdate(seq, ts, instrument, bp, bs, ap, as);
    }

    static long[] levels(long... priceSizePairs) {
        return priceSizePairs;
    }

    static Trade trade(long seq, long ts, int instrument, long price, long size, Side aggressor) {
        return new Trade(seq, ts, instrument, price, size, aggressor);
    }

    static TargetPosition market(long seq, long ts, StrategyId s, int instrument, long qty) {
        return new TargetPosition(seq, ts, s, 0, instrument, qty, OrderType.MARKET, 0);
    }

    static TargetPosition limit(long seq, long ts, StrategyId s, int instrument, long qty, long price) {
        return new TargetPosition(seq, ts, s, 0, instrument, qty, OrderType.LIMIT, price);
    }
}
