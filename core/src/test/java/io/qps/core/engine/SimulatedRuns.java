package io.qps.core.engine;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.util.ArrayList;
import java.util.List;

/** Small simulated datasets for engine tests. */
final class SimulatedRuns {
    private SimulatedRuns() {
    }

    static SimConfig small(long seed) {
        return SimConfig.defaults(seed, 1).withDensity(0.25);
    }

    static List<MarketEvent> events(SimConfig config) {
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(config).run(events::add);
        return events;
    }

    static EngineResult run(SimConfig config) {
        return ReferenceRun.run(config.universe(), EngineConfig.defaults(), events(config));
    }

    static Universe universe() {
        return Universe.standard();
    }
}
