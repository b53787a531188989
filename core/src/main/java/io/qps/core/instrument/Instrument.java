package io.qps.core.instrument;

import java.util.Objects;

/**
 * A tradable instrument and the fixed-point scales of its numbers.
 *
 * <p>Prices are {@code long}s with {@link #priceDecimals()} decimal places, quantities {@code long}s
 * with {@link #qtyDecimals()} places. Every price is a multiple of {@link #tickSize()} and every
 * order quantity a multiple of {@link #lotSize()} (both in raw units). The money value of
 * {@code qty} at {@code price} is {@code price * qty * multiplier}, converted to {@link Money} units;
 * {@code priceDecimals + qtyDecimals <= Money.DECIMALS} keeps that conversion exact.
 *
 * @param id dense index of the instrument in its {@link Universe}, 0-based
 * @param symbol the instrument's name, also its Kafka record key
 * @param assetClass its asset class
 * @param priceDecimals decimal places of a raw price
 * @param qtyDecimals decimal places of a raw quantity
 * @param tickSize minimum price increment, raw
 * @param lotSize minimum quantity increment, raw
 * @param multiplier contract multiplier (1 for spot)
 * @param quoteCurrency currency of prices and money (USD)
 * @param hasDepth whether the market publishes L2 book updates (otherwise top-of-book quotes)
 * @param hours when the market is open
 */
public record Instrument(
        int id,
        String symbol,
        AssetClass assetClass,
        int priceDecimals,
        int qtyDecimals,
        long tickSize,
        long lotSize,
        long multiplier,
        String quoteCurrency,
        boolean hasDepth,
        TradingHours hours) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(assetClass, "assetClass");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        Objects.requireNonNull(hours, "hours");
        if (id < 0) {
            throw new IllegalArgumentException(symbol + ": id must be >= 0, was " + id);
        }
        if (priceDecimals < 0 || qtyDecimals < 0 || priceDecimals + qtyDecimals > Money.DECIMALS) {
            throw new IllegalArgumentException(symbol + ": priceDecimals + qtyDecimals must be within 0.."
                    + Money.DECIMALS + ", was " + priceDecimals + " + " + qtyDecimals);
        }
        if (tickSize <= 0 || lotSize <= 0 || multiplier <= 0) {
            throw new IllegalArgumentException(symbol + ": tick, lot and multiplier must be positive");
        }
    }

    /** Money units per (raw price unit x raw quantity unit): {@code multiplier * 10^(6 - pd - qd)}. */
    public long moneyPerRawUnit() {
        return Math.multiplyExact(multiplier, Money.pow10(Money.DECIMALS - priceDecimals - qtyDecimals));
    }

    /** Exact money value of {@code qty} (raw, any sign) at {@code price} (raw), in {@link Money} units. */
    public long notional(long price, long qty) {
        return Math.multiplyExact(Math.multiplyExact(price, qty), moneyPerRawUnit());
    }

    /** Whether {@code price} is a positive multiple of the tick size. */
    public boolean isOnTick(long price) {
        return price > 0 && price % tickSize == 0;
    }

    /** Whether {@code qty} is a non-zero multiple of the lot size (either sign). */
    public boolean isWholeLots(long qty) {
        return qty != 0 && qty % lotSize == 0;
    }

    /** Rounds a non-negative raw quantity down to whole lots. */
    public long floorLots(long qty) {
        return qty - Math.floorMod(qty, lotSize);
    }

    /** Formats a raw price, e.g. {@code "43250.17"}. */
    public String formatPrice(long price) {
        return Fixed.format(price, priceDecimals);
    }

    /** Formats a raw quantity, e.g. {@code "0.0250"}. */
    public String formatQty(long qty) {
        return Fixed.format(qty, qtyDecimals);
    }
}
