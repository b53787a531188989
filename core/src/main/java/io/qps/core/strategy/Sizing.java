package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;

/** Turns a money notional into a whole-lot quantity of an instrument. */
public final class Sizing {
    private Sizing() {
    }

    /**
     * The largest whole-lot quantity (raw, non-negative) whose notional at {@code price} is at most
     * {@code notional}; if that is zero lots but one lot is worth at most {@code maxNotional}, one
     * lot (so that coarse contracts such as index futures still trade). Never more than
     * {@code maxNotional} of value. Returns 0 when even one lot is worth more than
     * {@code maxNotional} or the price is not positive.
     *
     * @param price raw price of the instrument
     * @param notional wanted value, {@link io.qps.core.instrument.Money} units
     * @param maxNotional cap on the position's value, Money units
     */
    public static long quantity(Instrument instrument, long price, long notional, long maxNotional) {
        if (price <= 0) {
            return 0;
        }
        long lotValue = instrument.notional(price, instrument.lotSize());
        if (lotValue <= 0 || lotValue > maxNotional) {
            return 0;
        }
        long lots = Math.min(notional, maxNotional) / lotValue;
        if (lots == 0) {
            lots = 1;
        }
        return Math.multiplyExact(lots, instrument.lotSize());
    }

    /** The mid of a book event rounded down to a raw price, {@code (bestBid + bestAsk) / 2}. */
    public static long midRaw(long bestBid, long bestAsk) {
        return Math.floorDiv(Math.addExact(bestBid, bestAsk), 2);
    }
}
