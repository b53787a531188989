package io.qps.core.market;

/**
 * The values a market event must have to be traded on: positive prices, positive sizes, an uncrossed book
 * with strictly ordered levels. A record that fails is bad input, not a broken invariant: the streaming
 * application quarantines it (or stops, by policy) and says why, naming the record.
 */
public final class MarketEventCheck {
    private MarketEventCheck() {
    }

    /** What is wrong with {@code e}, or {@code null} when nothing is. */
    public static String problem(MarketEvent e) {
        if (e.seq() < 1) {
            return "seq " + e.seq() + " is not positive";
        }
        if (e instanceof Quote q) {
            return book(q.bidPrice(), q.askPrice(), q.bidSize(), q.askSize());
        }
        if (e instanceof Trade t) {
            if (t.price() <= 0) {
                return "trade price " + t.price() + " is not positive";
            }
            return t.size() <= 0 ? "trade size " + t.size() + " is not positive" : null;
        }
        BookUpdate b = (BookUpdate) e;
        for (int i = 0; i < b.bidPrices().length; i++) {
            String p = level("bid", i, b.bidPrices(), b.bidSizes(), -1);
            if (p != null) {
                return p;
            }
        }
        for (int i = 0; i < b.askPrices().length; i++) {
            String p = level("ask", i, b.askPrices(), b.askSizes(), 1);
            if (p != null) {
                return p;
            }
        }
        return b.bidPrices()[0] >= b.askPrices()[0]
                ? "crossed book: best bid " + b.bidPrices()[0] + " >= best ask " + b.askPrices()[0] : null;
    }

    private static String book(long bid, long ask, long bidSize, long askSize) {
        if (bid <= 0 || ask <= 0) {
            return "quote price not positive (bid " + bid + ", ask " + ask + ")";
        }
        if (bidSize <= 0 || askSize <= 0) {
            return "quote size not positive (bid size " + bidSize + ", ask size " + askSize + ")";
        }
        return bid >= ask ? "crossed quote: bid " + bid + " >= ask " + ask : null;
    }

    private static String level(String side, int i, long[] prices, long[] sizes, int direction) {
        if (prices[i] <= 0) {
            return side + " level " + i + " price " + prices[i] + " is not positive";
        }
        if (sizes[i] <= 0) {
            return side + " level " + i + " size " + sizes[i] + " is not positive";
        }
        if (i > 0 && Long.compare(prices[i], prices[i - 1]) != direction) {
            return side + " levels not strictly " + (direction > 0 ? "increasing" : "decreasing") + " at level " + i;
        }
        return null;
    }
}
