package io.qps.core.stats;

import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link PerformanceStats} per strategy and for the portfolio ({@link PnlSnapshot#TOTAL})
 * from a run's outputs, under {@link StatsConfig#CONVENTIONS}. The reference engine and the verifier both report
 * through it, so a run's figures have one definition. Each input list must be in causal-key order (the order the
 * engine emits them, or a topic sorted by causal key).
 */
public final class PerformanceCalculator {
    private final Universe universe;
    private final StatsConfig config;
    private final long sampleIntervalMicros;

    /** @param sampleIntervalMicros the equity curve's sample spacing (for the intraday Sharpe's annualization) */
    public PerformanceCalculator(Universe universe, StatsConfig config, long sampleIntervalMicros) {
        this.universe = universe;
        this.config = config;
        this.sampleIntervalMicros = sampleIntervalMicros;
    }

    /** The capital of {@code book}: the per-strategy capital, or its sum over {@code strategies} for TOTAL. */
    public long capital(String book, int strategies) {
        return book.equals(PnlSnapshot.TOTAL)
                ? Math.multiplyExact(config.capitalPerStrategy(), (long) strategies) : config.capitalPerStrategy();
    }

    /** Statistics for each strategy in {@code strategies} (in that order) and then the portfolio. */
    public Map<String, PerformanceStats> compute(List<StrategyId> strategies, List<FillEvent> fills,
                                                 List<PositionRecord> positions, List<PnlSnapshot> curve) {
        Map<String, PerformanceStats> result = new LinkedHashMap<>();
        for (StrategyId s : strategies) {
            result.put(s.code(), book(s, capital(s.code(), strategies.size()), fills, positions,
                    EquityCurve.of(s.code(), curve)));
        }
        result.put(PnlSnapshot.TOTAL, book(null, capital(PnlSnapshot.TOTAL, strategies.size()), fills, positions,
                EquityCurve.of(PnlSnapshot.TOTAL, curve)));
        return result;
    }

    private PerformanceStats book(StrategyId strategy, long capital, List<FillEvent> fills,
                                  List<PositionRecord> positions, EquityCurve curve) {
        RoundTripTracker trips = new RoundTripTracker();
        for (PositionRecord p : positions) {
            if (strategy == null || p.strategy() == strategy) {
                trips.onPosition(p);
            }
        }
        long fillCount = 0;
        long traded = 0;
        for (FillEvent f : fills) {
            if (strategy == null || f.strategy() == strategy) {
                fillCount++;
                traded = Math.addExact(traded, universe.get(f.instrument()).notional(f.price(), f.quantity()));
            }
        }
        PnlSnapshot last = curve.last();
        List<EquityCurve.PeriodReturn> daily = curve.returns(EquityCurve.DAY_MICROS, capital);
        double[] r = new double[daily.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = daily.get(i).value();
        }
        double days = config.periodsPerYearDays();
        EquityCurve.Drawdown dd = curve.drawdown(capital);
        Double annualized = Ratios.annualizedReturn(r, days);
        double samplesPerYear = days * EquityCurve.DAY_MICROS / sampleIntervalMicros;
        return new PerformanceStats(curve.book(), capital, curve.samples().size(), daily.size(),
                last == null ? 0 : curve.samples().get(0).boundaryMicros(), last == null ? 0 : last.boundaryMicros(),
                last == null ? 0 : last.realizedPnl(), last == null ? 0 : last.unrealizedPnl(),
                last == null ? 0 : last.fees(), curve.finalPnl(), last == null ? 0 : last.grossExposure(),
                (double) curve.finalPnl() / capital, annualized, Ratios.annualizedVolatility(r, days),
                Ratios.sharpe(r, days), Ratios.sortino(r, days), Ratios.divide(annualized, dd.maxPct()),
                Ratios.sharpe(curve.sampleReturns(capital), samplesPerYear), dd.maxMoney(), dd.maxPct(),
                dd.maxDurationMicros(), curve.exposure(), trips.hitRate(), trips.profitFactor(), traded,
                (double) traded / capital, trips.trips(), fillCount);
    }
}
