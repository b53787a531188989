package io.qps.core.market;

/** A trade printed on the market (not one of ours): raw price and size, and the aggressor's side. */
public record Trade(long seq, long timestampMicros, int instrument,
                    long price, long size, Side aggressor) implements MarketEvent {
    @Override
    public long bestBid() {
        return 0;
    }

    @Override
    public long bestAsk() {
        return 0;
    }
}
