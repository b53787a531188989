package io.qps.core.data;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.List;

/** The inverse of {@link EventEncoder}: rebuilds events, assigning {@code seq} 1, 2, 3 ... */
final class EventDecoder {
    private static final int MAX_LEVELS = 64;

    private final List<Instrument> instruments;
    private final long[] lastBid;
    private final long[] counts;
    private long seq;
    private long lastTs;

    EventDecoder(DatasetHeader header) {
        this.instruments = header.instruments();
        this.lastBid = new long[instruments.size()];
        this.counts = new long[instruments.size()];
        this.lastTs = header.startMicros();
    }

    /** The next event, or {@code null} at the end marker. */
    MarketEvent decode(ByteInput in) {
        long at = in.position();
        long tag = in.uvarint();
        if (tag == HeaderCodec.END_TAG) {
            return null;
        }
        int kind = (int) (tag & 7);
        long id = tag >>> 3;
        if (id >= instruments.size() || kind > EventEncoder.TRADE_SELL) {
            throw in.fail(at, "bad event tag " + tag + " (instrument " + id + ", kind " + kind + ")");
        }
        int i = (int) id;
        Instrument inst = instruments.get(i);
        long ts = Math.addExact(lastTs, in.uvarint());
        long tick = inst.tickSize();
        long lot = inst.lotSize();
        seq++;
        MarketEvent e;
        try {
            if (kind == EventEncoder.QUOTE) {
                long bid = Math.addExact(lastBid[i], in.svarint());
                long ask = bid + 1 + in.uvarint();
                long bidSize = Math.multiplyExact(in.uvarint(), lot);
                long askSize = Math.multiplyExact(in.uvarint(), lot);
                e = new Quote(seq, ts, i, Math.multiplyExact(bid, tick), bidSize, Math.multiplyExact(ask, tick), askSize);
                lastBid[i] = bid;
            } else if (kind == EventEncoder.BOOK) {
                e = book(in, at, i, ts, tick, lot);
            } else {
                long price = Math.addExact(lastBid[i], in.svarint());
                long size = Math.multiplyExact(in.uvarint(), lot);
                e = new Trade(seq, ts, i, Math.multiplyExact(price, tick), size,
                        kind == EventEncoder.TRADE_BUY ? Side.BUY : Side.SELL);
            }
        } catch (ArithmeticException ex) {
            throw in.fail(at, "event " + seq + " decodes to out-of-range numbers");
        }
        lastTs = ts;
        counts[i]++;
        return e;
    }

    long count() {
        return seq;
    }

    long[] countsPerInstrument() {
        return counts.clone();
    }

    private BookUpdate book(ByteInput in, long at, int i, long ts, long tick, long lot) {
        long nb = in.uvarint() + 1;
        long na = in.uvarint() + 1;
        if (nb > MAX_LEVELS || na > MAX_LEVELS) {
            throw in.fail(at, "book event " + seq + " claims " + nb + "/" + na + " levels");
        }
        long[] bidTicks = new long[(int) nb];
        long[] askTicks = new long[(int) na];
        bidTicks[0] = Math.addExact(lastBid[i], in.svarint());
        askTicks[0] = bidTicks[0] + 1 + in.uvarint();
        for (int k = 1; k < nb; k++) {
            bidTicks[k] = bidTicks[k - 1] - 1 - in.uvarint();
        }
        for (int k = 1; k < na; k++) {
            askTicks[k] = askTicks[k - 1] + 1 + in.uvarint();
        }
        long[] bidSizes = new long[(int) nb];
        long[] askSizes = new long[(int) na];
        for (int k = 0; k < nb; k++) {
            bidSizes[k] = Math.multiplyExact(in.uvarint(), lot);
        }
        for (int k = 0; k < na; k++) {
            askSizes[k] = Math.multiplyExact(in.uvarint(), lot);
        }
        lastBid[i] = bidTicks[0];
        for (int k = 0; k < nb; k++) {
            bidTicks[k] = Math.multiplyExact(bidTicks[k], tick);
        }
        for (int k = 0; k < na; k++) {
            askTicks[k] = Math.multiplyExact(askTicks[k], tick);
        }
        return new BookUpdate(seq, ts, i, bidTicks, bidSizes, askTicks, askSizes);
    }
}
