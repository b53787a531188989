package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.core.strategy.SingleInstrumentStrategy;
import io.qps.core.strategy.Strategy;
import io.qps.core.strategy.StrategyFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh set of a session's strategy instances (one per processor instance, i.e. per task), split the way the
 * topology runs them: single-instrument instances live in their instrument's exec task, every other instance
 * (several subscriptions) in the cross task. Both lists keep the factory's creation order, which is the
 * reference engine's order.
 */
final class StrategyLayout {
    private final Strategy[][] localByInstrument;
    private final Strategy[][] crossByInstrument;
    private final List<Strategy> cross;

    StrategyLayout(Universe universe, EngineConfig config) {
        List<List<Strategy>> local = new ArrayList<>();
        List<List<Strategy>> crossSubs = new ArrayList<>();
        for (int i = 0; i < universe.size(); i++) {
            local.add(new ArrayList<>());
            crossSubs.add(new ArrayList<>());
        }
        List<Strategy> crossAll = new ArrayList<>();
        for (Strategy s : StrategyFactory.create(config.strategies(), universe)) {
            if (s instanceof SingleInstrumentStrategy) {
                local.get(s.subscriptions().get(0)).add(s);
            } else {
                crossAll.add(s);
                for (int instrument : s.subscriptions()) {
                    crossSubs.get(instrument).add(s);
                }
            }
        }
        this.localByInstrument = toArrays(local);
        this.crossByInstrument = toArrays(crossSubs);
        this.cross = List.copyOf(crossAll);
    }

    private static Strategy[][] toArrays(List<List<Strategy>> lists) {
        Strategy[][] result = new Strategy[lists.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = lists.get(i).toArray(new Strategy[0]);
        }
        return result;
    }

    /** The single-instrument instances trading {@code instrument}, in creation order. */
    Strategy[] local(int instrument) {
        return localByInstrument[instrument];
    }

    /** The cross-instrument instances subscribed to {@code instrument}, in creation order. */
    Strategy[] crossSubscribers(int instrument) {
        return crossByInstrument[instrument];
    }

    /** Every cross-instrument instance, in creation order. */
    List<Strategy> cross() {
        return cross;
    }
}
