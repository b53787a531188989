package io.qps.core.strategy;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds small market-data streams for tests: add quotes, book updates and trades in any order,
 * then {@link #build()} sorts them like a dataset (time, then instrument, then insertion order) and
 * numbers them with a dense {@code seq} from 1.
 */
final class EventLog {
    private record Pending(long ts, int instrument, int order, Maker maker) {
    }

    private interface Maker {
        MarketEvent make(long seq);
    }

    private final List<Pending> pending = new ArrayList<>();

    /** One quote per price: the i-th at {@code start + i * step}, bid/ask at mid -/+ halfSpread, sizes 10. */
    EventLog quotes(int instrument, long startMicros, long stepMicros, long halfSpread, long... mids) {
        for (int i = 0; i < mids.length; i++) {
            quote(instrument, startMicros + i * stepMicros, mids[i] - halfSpread, mids[i] + halfSpread);
        }
        return this;
    }

    EventLog quote(int instrument, long ts, long bid, long ask) {
        return add(ts, instrument, seq -> new Quote(seq, ts, instrument, bid, 10, ask, 10));
    }

    /** A book update with levels one tick apart from {@code bestBid}/{@code bestAsk} and the given sizes. */
    EventLog book(int instrument, long ts, long bestBid, long bestAsk, long[] bidSizes, long[] askSizes) {
        long[] bids = new long[bidSizes.length];
        long[] asks = new long[askSizes.length];
        for (int i = 0; i < bids.length; i++) {
            bids[i] = bestBid - i;
        }
        for (int i = 0; i < asks.length; i++) {
            asks[i] = bestAsk + i;
        }
        return add(ts, instrument, seq -> new BookUpdate(seq, ts, instrument, bids, bidSizes.clone(), asks, askSizes.clone()));
    }

    EventLog trade(int instrument, long ts, long price) {
        return add(ts, instrument, seq -> new Trade(seq, ts, instrument, price, 1, Side.BUY));
    }

    private EventLog add(long ts, int instrument, Maker maker) {
        pending.add(new Pending(ts, instrument, pending.size(), maker));
        return this;
    }

    List<MarketEvent> build() {
        List<Pending> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingLong(Pending::ts).thenComparingInt(Pending::instrument)
                .thenComparingInt(Pending::order));
        List<MarketEvent> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).maker().make(i + 1));
        }
        return out;
    }
}
