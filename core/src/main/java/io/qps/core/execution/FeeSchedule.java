package io.qps.core.execution;

import io.qps.core.instrument.AssetClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maker and taker fee rates per asset class, in centi-basis-points of the fill's notional
 * (1 bp = 100, so 500 = 5 bp = 0.05%). A negative rate is a rebate. The fee of a fill is
 * {@code Money.feeOf(instrument.notional(price, qty), rate(class, liquidity))}.
 *
 * @param rates the rates of every asset class (all classes must be present)
 */
public record FeeSchedule(Map<AssetClass, Rates> rates) {

    /**
     * The two rates of one asset class.
     *
     * @param maker centi-bps charged when a resting order is filled
     * @param taker centi-bps charged when an order takes liquidity
     */
    public record Rates(long maker, long taker) {
    }

    public FeeSchedule {
        Objects.requireNonNull(rates, "rates");
        EnumMap<AssetClass, Rates> copy = new EnumMap<>(AssetClass.class);
        copy.putAll(rates);
        for (AssetClass c : AssetClass.values()) {
            Objects.requireNonNull(copy.get(c), () -> "no fee rates for " + c);
        }
        rates = Collections.unmodifiableMap(copy);
    }

    /** CRYPTO 1 bp maker / 5 bp taker, EQUITY 0.2/0.5, FX 0.1/0.2, FUTURE 0.2/0.4 (centi-bps 100/500 ...). */
    public static FeeSchedule defaults() {
        Map<AssetClass, Rates> m = new EnumMap<>(AssetClass.class);
        m.put(AssetClass.CRYPTO, new Rates(100, 500));
        m.put(AssetClass.EQUITY, new Rates(20, 50));
        m.put(AssetClass.FX, new Rates(10, 20));
        m.put(AssetClass.FUTURE, new Rates(20, 40));
        return new FeeSchedule(m);
    }

    /** A schedule with no fees at all. */
    public static FeeSchedule zero() {
        Map<AssetClass, Rates> m = new EnumMap<>(AssetClass.class);
        for (AssetClass c : AssetClass.values()) {
            m.put(c, new Rates(0, 0));
        }
        return new FeeSchedule(m);
    }

    /** The rate in centi-bps for a fill of asset class {@code c} with liquidity {@code l}. */
    public long rate(AssetClass c, Liquidity l) {
        Rates r = rates.get(c);
        return l == Liquidity.MAKER ? r.maker() : r.taker();
    }
}
