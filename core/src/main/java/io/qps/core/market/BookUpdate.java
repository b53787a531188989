package io.qps.core.market;

import java.util.Arrays;

/**
 * The top levels of an instrument's L2 book after a change: a full replacement of the visible depth
 * (not a diff). Level 0 is the best; bid prices strictly decrease and ask prices strictly increase
 * with the level, every size is positive, and {@code bidPrices[0] < askPrices[0]}. The arrays are
 * owned by the event and must not be modified.
 */
public record BookUpdate(long seq, long timestampMicros, int instrument,
                         long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes)
        implements MarketEvent {

    public BookUpdate {
        if (bidPrices.length != bidSizes.length || askPrices.length != askSizes.length
                || bidPrices.length == 0 || askPrices.length == 0) {
            throw new IllegalArgumentException("book update " + seq + ": level arrays must be non-empty and paired");
        }
    }

    public int bidLevels() {
        return bidPrices.length;
    }

    public int askLevels() {
        return askPrices.length;
    }

    @Override
    public long bestBid() {
        return bidPrices[0];
    }

    @Override
    public long bestAsk() {
        return askPrices[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookUpdate b && seq == b.seq && timestampMicros == b.timestampMicros
                && instrument == b.instrument && Arrays.equals(bidPrices, b.bidPrices)
                && Arrays.equals(bidSizes, b.bidSizes) && Arrays.equals(askPrices, b.askPrices)
                && Arrays.equals(askSizes, b.askSizes);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(seq) * 31 + instrument;
        h = h * 31 + Arrays.hashCode(bidPrices);
        h = h * 31 + Arrays.hashCode(askPrices);
        return h;
    }

    @Override
    public String toString() {
        return "BookUpdate[seq=" + seq + ", ts=" + timestampMicros + ", instrument=" + instrument
                + ", bids=" + levels(bidPrices, bidSizes) + ", asks=" + levels(askPrices, askSizes) + "]";
    }

    private static String levels(long[] prices, long[] sizes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < prices.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(sizes[i]).append('@').append(prices[i]);
        }
        return sb.append(']').toString();
    }
}
