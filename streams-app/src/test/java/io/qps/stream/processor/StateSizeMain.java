package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.core.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;

/** Prints the serialized state size of every strategy instance after a generated day (a measurement aid). */
final class StateSizeMain {
    private StateSizeMain() {
    }

    public static void main(String[] args) {
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(0.05)).run(events::add);
        ReferenceRun run = new ReferenceRun(Universe.standard(), EngineConfig.defaults());
        events.forEach(run::accept);
        for (Strategy s : run.engine().strategies()) {
            long t0 = System.nanoTime();
            int size = 0;
            for (int i = 0; i < 10_000; i++) {
                size = new StateWriter().write(s).length;
            }
            System.out.printf("%-30s %6d bytes %6d ns/write%n", s.instanceName(), size, (System.nanoTime() - t0) / 10_000);
        }
        long t0 = System.nanoTime();
        int size = 0;
        for (int i = 0; i < 10_000; i++) {
            size = new StateWriter().write(run.engine().portfolio()).length;
        }
        System.out.printf("%-30s %6d bytes %6d ns/write%n", "portfolio", size, (System.nanoTime() - t0) / 10_000);
    }
}
