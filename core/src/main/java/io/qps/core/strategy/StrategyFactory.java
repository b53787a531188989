package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Creates a session's strategy instances from its configuration. */
public final class StrategyFactory {
    private StrategyFactory() {
    }

    /**
     * All enabled strategy instances, ordered by {@link StrategyId} and then by instrument id (the
     * first subscription), so that the list, and everything iterated from it, is the same in every run.
     * Per-instrument strategies get one instance per selected instrument.
     *
     * @throws IllegalArgumentException when a configured symbol is not in {@code universe}
     */
    public static List<Strategy> create(StrategiesConfig config, Universe universe) {
        List<Strategy> out = new ArrayList<>();
        for (StrategyId id : StrategyId.values()) {
            if (!config.enabled().contains(id)) {
                continue;
            }
            switch (id) {
                case ALPHA_1_PAIRS -> out.add(new PairsMeanReversionStrategy(config.pairs(),
                        universe.require(config.pairs().legA()), universe.require(config.pairs().legB())));
                case ALPHA_2_BREAKOUT -> select(universe, config.breakout().symbols(), false)
                        .forEach(in -> out.add(new DonchianBreakoutStrategy(config.breakout(), in)));
                case ALPHA_3_MTF -> select(universe, config.mtf().symbols(), false)
                        .forEach(in -> out.add(new MultiTimeframeTrendStrategy(config.mtf(), in)));
                case ALPHA_4_MULTI_ASSET -> out.add(new CrossAssetMomentumStrategy(config.momentum(),
                        select(universe, config.momentum().symbols(), false)));
                case ALPHA_5_ORDERBOOK -> select(universe, config.imbalance().symbols(), true)
                        .forEach(in -> out.add(new OrderBookImbalanceStrategy(config.imbalance(), in)));
                default -> throw new IllegalStateException("no factory for " + id);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The instruments named by {@code symbols} in id order; an empty list selects the whole universe,
     * or only its instruments with depth when {@code depthOnly}.
     */
    static List<Instrument> select(Universe universe, List<String> symbols, boolean depthOnly) {
        TreeMap<Integer, Instrument> byId = new TreeMap<>();
        if (symbols.isEmpty()) {
            for (Instrument in : universe.all()) {
                if (!depthOnly || in.hasDepth()) {
                    byId.put(in.id(), in);
                }
            }
        } else {
            for (String symbol : symbols) {
                Instrument in = universe.require(symbol);
                byId.put(in.id(), in);
            }
        }
        return List.copyOf(byId.values());
    }
}
