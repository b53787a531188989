package io.qps.core.data;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.List;

/**
 * Encodes events in the compact form of the package documentation: prices in ticks as deltas from
 * the instrument's last best bid, book levels as gaps from the previous level, sizes in lots, time
 * as a delta from the previous event. Checks what the encoding relies on and rejects the rest with
 * an {@link IllegalArgumentException}: dense {@code seq} from 1, non-decreasing time from the start,
 * prices on tick, sizes in positive whole lots, strictly monotone levels.
 */
final class EventEncoder {
    static final int QUOTE = 0;
    static final int BOOK = 1;
    static final int TRADE_BUY = 2;
    static final int TRADE_SELL = 3;

    private final List<Instrument> instruments;
    private final long[] lastBid;
    private final long[] counts;
    private long lastSeq;
    private long lastTs;

    EventEncoder(DatasetHeader header) {
        this.instruments = header.instruments();
        this.lastBid = new long[instruments.size()];
        this.counts = new long[instruments.size()];
        this.lastTs = header.startMicros();
    }

    void encode(MarketEvent e, ByteOutput out) {
        if (e.seq() != lastSeq + 1) {
            throw bad(e, "seq must be " + (lastSeq + 1) + " (dense from 1)");
        }
        if (e.timestampMicros() < lastTs) {
            throw bad(e, "timestamp " + e.timestampMicros() + " is before " + lastTs);
        }
        if (e.instrument() < 0 || e.instrument() >= instruments.size()) {
            throw bad(e, "unknown instrument id " + e.instrument());
        }
        Instrument in = instruments.get(e.instrument());
        int i = e.instrument();
        if (e instanceof Quote q) {
            long bid = ticks(in, q.bidPrice(), e);
            long ask = ticks(in, q.askPrice(), e);
            if (ask <= bid) {
                throw bad(e, "ask must be above bid");
            }
            head(out, i, QUOTE, e.timestampMicros());
            out.svarint(bid - lastBid[i]);
            out.uvarint(ask - bid - 1);
            out.uvarint(lots(in, q.bidSize(), e));
            out.uvarint(lots(in, q.askSize(), e));
            lastBid[i] = bid;
        } else if (e instanceof BookUpdate b) {
            head(out, i, BOOK, e.timestampMicros());
            encodeBook(in, b, out);
            lastBid[i] = ticks(in, b.bestBid(), e);
        } else {
            Trade t = (Trade) e;
            long price = ticks(in, t.price(), e);
            long size = lots(in, t.size(), e);
            head(out, i, t.aggressor() == Side.BUY ? TRADE_BUY : TRADE_SELL, e.timestampMicros());
            out.svarint(price - lastBid[i]);
            out.uvarint(size);
        }
        lastSeq = e.seq();
        lastTs = e.timestampMicros();
        counts[i]++;
    }

    private void head(ByteOutput out, int instrument, int kind, long ts) {
        out.uvarint((long) instrument * 8 + kind);
        out.uvarint(ts - lastTs);
    }

    long count() {
        return lastSeq;
    }

    long[] countsPerInstrument() {
        return counts.clone();
    }

    private void encodeBook(Instrument in, BookUpdate b, ByteOutput out) {
        int nb = b.bidLevels();
        int na = b.askLevels();
        out.uvarint(nb - 1);
        out.uvarint(na - 1);
        long bid0 = ticks(in, b.bidPrices()[0], b);
        long ask0 = ticks(in, b.askPrices()[0], b);
        if (ask0 <= bid0) {
            throw bad(b, "best ask must be above best bid");
        }
        out.svarint(bid0 - lastBid[b.instrument()]);
        out.uvarint(ask0 - bid0 - 1);
        for (int k = 1; k < nb; k++) {
            out.uvarint(step(ticks(in, b.bidPrices()[k - 1], b) - ticks(in, b.bidPrices()[k], b), b));
        }
        for (int k = 1; k < na; k++) {
            out.uvarint(step(ticks(in, b.askPrices()[k], b) - ticks(in, b.askPrices()[k - 1], b), b));
        }
        for (int k = 0; k < nb; k++) {
            out.uvarint(lots(in, b.bidSizes()[k], b));
        }
        for (int k = 0; k < na; k++) {
            out.uvarint(lots(in, b.askSizes()[k], b));
        }
    }

    private static long step(long gapTicks, MarketEvent e) {
        if (gapTicks <= 0) {
            throw bad(e, "book level prices must be strictly monotone away from the top");
        }
        return gapTicks - 1;
    }

    private static long ticks(Instrument in, long price, MarketEvent e) {
        if (!in.isOnTick(price)) {
            throw bad(e, "price " + price + " is not a positive multiple of tick " + in.tickSize());
        }
        return price / in.tickSize();
    }

    private static long lots(Instrument in, long size, MarketEvent e) {
        if (size <= 0 || !in.isWholeLots(size)) {
            throw bad(e, "size " + size + " is not a positive multiple of lot " + in.lotSize());
        }
        return size / in.lotSize();
    }

    private static IllegalArgumentException bad(MarketEvent e, String why) {
        return new IllegalArgumentException("cannot write event seq " + e.seq() + ": " + why + " (" + e + ")");
    }
}
