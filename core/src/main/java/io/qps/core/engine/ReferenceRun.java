package io.qps.core.engine;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.stats.PerformanceCalculator;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a whole dataset through a {@link ReferenceEngine} and collects its {@link EngineResult}. */
public final class ReferenceRun {
    private final Universe universe;
    private final EngineConfig config;
    private final RecordingSink outputs = new RecordingSink();
    private final ReferenceEngine engine;
    private long events;
    private long lastTimestamp;

    public ReferenceRun(Universe universe, EngineConfig config) {
        this.universe = universe;
        this.config = config;
        this.engine = new ReferenceEngine(universe, config, outputs);
    }

    /** Runs {@code events} (in seq order) and returns the result. */
    public static EngineResult run(Universe universe, EngineConfig config, Iterable<? extends MarketEvent> events) {
        ReferenceRun run = new ReferenceRun(universe, config);
        for (MarketEvent e : events) {
            run.accept(e);
        }
        return run.finish();
    }

    /**
     * Runs the events a source pushes (for example a dataset reader or the simulator streaming into a
     * consumer), so a dataset need not be held in memory.
     */
    public static EngineResult run(Universe universe, EngineConfig config, Consumer<Consumer<MarketEvent>> source) {
        ReferenceRun run = new ReferenceRun(universe, config);
        source.accept(run::accept);
        return run.finish();
    }

    /** Processes one event. */
    public void accept(MarketEvent e) {
        engine.onEvent(e);
        events++;
        lastTimestamp = e.timestampMicros();
    }

    public ReferenceEngine engine() {
        return engine;
    }

    /** The result so far: outputs, canonical form, final PnL and statistics. */
    public EngineResult finish() {
        Map<String, PnlSnapshot> finals = finals(engine.portfolio(), engine.lastSeq(), lastTimestamp);
        List<StrategyId> enabled = new ArrayList<>();
        for (StrategyId s : StrategyId.values()) {
            if (config.strategies().enabled().contains(s)) {
                enabled.add(s);
            }
        }
        PerformanceCalculator calculator = new PerformanceCalculator(universe, config.stats(),
                config.portfolio().sampleIntervalMicros());
        var stats = calculator.compute(enabled, outputs.fills(), outputs.positions(), outputs.pnl());
        return new EngineResult(events, engine.lastSeq(), outputs, outputs.canonicalForm(), finals, stats);
    }

    private static Map<String, PnlSnapshot> finals(Portfolio p, long seq, long ts) {
        Map<String, PnlSnapshot> result = new LinkedHashMap<>();
        long gross = 0;
        long fills = 0;
        for (StrategyId s : StrategyId.values()) {
            result.put(s.code(), new PnlSnapshot(seq, s.code(), 0, ts, p.realizedPnl(s), p.unrealizedPnl(s),
                    p.fees(s), p.totalPnl(s), p.grossExposure(s), p.fills(s)));
            gross = Math.addExact(gross, p.grossExposure(s));
            fills += p.fills(s);
        }
        result.put(PnlSnapshot.TOTAL, new PnlSnapshot(seq, PnlSnapshot.TOTAL, 0, ts, p.realizedPnl(),
                p.unrealizedPnl(), p.fees(), p.totalPnl(), gross, fills));
        return result;
    }
}
