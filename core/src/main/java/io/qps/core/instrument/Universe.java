package io.qps.core.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ordered set of instruments of a session. Instrument {@code i} has {@code id() == i}; iteration
 * is always in id order, so nothing depends on hash order.
 */
public final class Universe {
    private final List<Instrument> instruments;
    private final Map<String, Instrument> bySymbol;

    public Universe(List<Instrument> instruments) {
        List<Instrument> copy = List.copyOf(instruments);
        Map<String, Instrument> index = new TreeMap<>();
        for (int i = 0; i < copy.size(); i++) {
            Instrument in = copy.get(i);
            if (in.id() != i) {
                throw new IllegalArgumentException("instrument " + in.symbol() + " has id " + in.id() + ", expected " + i);
            }
            if (index.put(in.symbol(), in) != null) {
                throw new IllegalArgumentException("duplicate symbol " + in.symbol());
            }
        }
        this.instruments = copy;
        this.bySymbol = Collections.unmodifiableMap(index);
    }

    /**
     * The default universe: ten instruments across four asset classes.
     * <ul>
     *   <li>crypto, 24/7, L2 books: BTC-USD, ETH-USD (tick 0.01, lot 0.0001)</li>
     *   <li>US equities, quotes: XOM, CVX (a cointegrated pair), AAPL, MSFT (tick 0.01, lot 1)</li>
     *   <li>FX, quotes: EURUSD, GBPUSD (pip 0.00001, lot 1,000)</li>
     *   <li>index futures, L2 books: ES (tick 0.25, multiplier 50), NQ (tick 0.25, multiplier 20)</li>
     * </ul>
     */
    public static Universe standard() {
        List<Instrument> list = new ArrayList<>();
        list.add(new Instrument(0, "BTC-USD", AssetClass.CRYPTO, 2, 4, 1, 1, 1, "USD", true, TradingHours.ALWAYS));
        list.add(new Instrument(1, "ETH-USD", AssetClass.CRYPTO, 2, 4, 1, 1, 1, "USD", true, TradingHours.ALWAYS));
        list.add(new Instrument(2, "XOM", AssetClass.EQUITY, 2, 0, 1, 1, 1, "USD", false, TradingHours.US_EQUITY));
        list.add(new Instrument(3, "CVX", AssetClass.EQUITY, 2, 0, 1, 1, 1, "USD", false, TradingHours.US_EQUITY));
        list.add(new Instrument(4, "AAPL", AssetClass.EQUITY, 2, 0, 1, 1, 1, "USD", false, TradingHours.US_EQUITY));
        list.add(new Instrument(5, "MSFT", AssetClass.EQUITY, 2, 0, 1, 1, 1, "USD", false, TradingHours.US_EQUITY));
        list.add(new Instrument(6, "EURUSD", AssetClass.FX, 5, 0, 1, 1_000, 1, "USD", false, TradingHours.FX_WEEK));
        list.add(new Instrument(7, "GBPUSD", AssetClass.FX, 5, 0, 1, 1_000, 1, "USD", false, TradingHours.FX_WEEK));
        list.add(new Instrument(8, "ES", AssetClass.FUTURE, 2, 0, 25, 1, 50, "USD", true, TradingHours.FUTURES));
        list.add(new Instrument(9, "NQ", AssetClass.FUTURE, 2, 0, 25, 1, 20, "USD", true, TradingHours.FUTURES));
        return new Universe(list);
    }

    public int size() {
        return instruments.size();
    }

    public Instrument get(int id) {
        return instruments.get(id);
    }

    /** All instruments in id order. */
    public List<Instrument> all() {
        return instruments;
    }

    public Optional<Instrument> bySymbol(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The instrument named {@code symbol}, or an exception naming the known symbols. */
    public Instrument require(String symbol) {
        Instrument in = bySymbol.get(symbol);
        if (in == null) {
            throw new IllegalArgumentException("unknown instrument '" + symbol + "'; known: " + bySymbol.keySet());
        }
        return in;
    }
}
