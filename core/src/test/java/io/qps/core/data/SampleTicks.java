package io.qps.core.data;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed sample for {@code qps import}, {@code config/sample-ticks.csv}: one simulated day of the default
 * universe at density 0.004 (about 3,200 events, every instrument) as CSV. Rewrite it with
 * {@code -Dqps.writeSample=true} on {@code TickCsvImporterTest}.
 */
final class SampleTicks {
    private SampleTicks() {
    }

    static List<MarketEvent> events() {
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(SimConfig.defaults(42, 1).withDensity(0.004)).run(events::add);
        return events;
    }

    static String text() {
        StringWriter w = new StringWriter();
        w.write("# qps sample market data: one simulated day (seed 42, density 0.004) of the default universe.\n");
        w.write("# Import: qps import --csv config/sample-ticks.csv --out data/sample.qpsd (format: TickCsv).\n");
        TickCsv.write(events(), Universe.standard(), w);
        return w.toString();
    }
}
