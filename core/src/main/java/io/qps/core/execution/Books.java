package io.qps.core.execution;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Uniform access to the visible book of a {@link Quote} (one level a side) or a {@link BookUpdate}
 * (several levels), and their state encoding. A side is named by the order side that rests on it:
 * {@code BUY} reads the bids, {@code SELL} the asks.
 */
final class Books {
    /** Visible size is unknown (the price is beyond the visible depth). */
    static final long UNKNOWN = -1;

    private Books() {
    }

    static int levels(MarketEvent book, Side side) {
        if (book instanceof BookUpdate b) {
            return side == Side.BUY ? b.bidLevels() : b.askLevels();
        }
        return 1;
    }

    static long price(MarketEvent book, Side side, int level) {
        if (book instanceof BookUpdate b) {
            return side == Side.BUY ? b.bidPrices()[level] : b.askPrices()[level];
        }
        Quote q = (Quote) book;
        return side == Side.BUY ? q.bidPrice() : q.askPrice();
    }

    static long size(MarketEvent book, Side side, int level) {
        if (book instanceof BookUpdate b) {
            return side == Side.BUY ? b.bidSizes()[level] : b.askSizes()[level];
        }
        Quote q = (Quote) book;
        return side == Side.BUY ? q.bidSize() : q.askSize();
    }

    /**
     * The visible size at {@code price} on the side where orders of {@code side} rest: the level's size
     * if it is a level, 0 if the price is better than the side's best or falls between two visible
     * levels, {@link #UNKNOWN} if it is worse than the last visible level.
     */
    static long visibleSize(MarketEvent book, Side side, long price) {
        int n = levels(book, side);
        for (int i = 0; i < n; i++) {
            long p = price(book, side, i);
            if (p == price) {
                return size(book, side, i);
            }
            if (side == Side.BUY ? price > p : price < p) {
                return 0;
            }
        }
        return UNKNOWN;
    }

    /** Writes a book event (or its absence, {@code null}) in a fixed layout. */
    static void write(DataOutput out, MarketEvent book) throws IOException {
        if (book == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(book instanceof Quote ? 1 : 2);
        out.writeLong(book.seq());
        out.writeLong(book.timestampMicros());
        out.writeInt(book.instrument());
        for (Side side : Side.values()) {
            int n = levels(book, side);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeLong(price(book, side, i));
                out.writeLong(size(book, side, i));
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    static MarketEvent read(DataInput in) throws IOException {
        int tag = in.readByte();
        if (tag == 0) {
            return null;
        }
        if (tag != 1 && tag != 2) {
            throw new IOException("bad book tag " + tag);
        }
        long seq = in.readLong();
        long ts = in.readLong();
        int instrument = in.readInt();
        long[][] sides = new long[4][];
        for (int s = 0; s < 2; s++) {
            int n = in.readInt();
            sides[2 * s] = new long[n];
            sides[2 * s + 1] = new long[n];
            for (int i = 0; i < n; i++) {
                sides[2 * s][i] = in.readLong();
                sides[2 * s + 1][i] = in.readLong();
            }
        }
        if (tag == 1) {
            return new Quote(seq, ts, instrument, sides[0][0], sides[1][0], sides[2][0], sides[3][0]);
        }
        return new BookUpdate(seq, ts, instrument, sides[0], sides[1], sides[2], sides[3]);
    }
}
