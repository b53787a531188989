package io.qps.core.market;

/**
 * Top of book for an instrument without published depth. Prices and sizes are raw fixed-point in
 * the instrument's scales; {@code bidPrice < askPrice}, sizes positive.
 */
public record Quote(long seq, long timestampMicros, int instrument,
                    long bidPrice, long bidSize, long askPrice, long askSize) implements MarketEvent {
    @Override
    public long bestBid() {
        return bidPrice;
    }

    @Override
    public long bestAsk() {
        return askPrice;
    }
}
