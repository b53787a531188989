package io.qps.core.stats;

import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link PerformanceStats} per strategy and for the portfolio ({@link PnlSnapshot#TOTAL})
 * from a run's outputs. Pure and order-independent in its inputs' grouping, but each list must be in
 * causal-key order (the order the engine emits them).
 */
public final class PerformanceCalculator {
    private static final double MICROS_PER_DAY = 86_400_000_000.0;

    private final Universe universe;
    private final StatsConfig config;
    private final long sampleIntervalMicros;

    public PerformanceCalculator(Universe universe, StatsConfig config, long sampleIntervalMicros) {
        this.universe = universe;
        this.config = config;
        this.sampleIntervalMicros = sampleIntervalMicros;
    }

    /**
     * Statistics for each strategy in {@code strategies} (in that order) and then the portfolio.
     *
     * @param finals the final PnL of each book at the end of the run, keyed by book name
     */
    public Map<String, PerformanceStats> compute(List<StrategyId> strategies, List<FillEvent> fills,
                                                 List<PositionRecord> positions, List<PnlSnapshot> curve,
                                                 Map<String, PnlSnapshot> finals) {
        Map<String, PerformanceStats> result = new LinkedHashMap<>();
        for (StrategyId s : strategies) {
            result.put(s.code(), book(s.code(), s, config.capitalPerStrategy(), fills, positions, curve, finals));
        }
        long total = Math.multiplyExact(config.capitalPerStrategy(), (long) strategies.size());
        result.put(PnlSnapshot.TOTAL, book(PnlSnapshot.TOTAL, null, total, fills, positions, curve, finals));
        return result;
    }

    private PerformanceStats book(String book, StrategyId strategy, long capital, List<FillEvent> fills,
                                  List<PositionRecord> positions, List<PnlSnapshot> curve,
                                  Map<String, PnlSnapshot> finals) {
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
        List<Long> equity = new ArrayList<>();
        for (PnlSnapshot s : curve) {
            if (s.book().equals(book)) {
                equity.add(s.totalPnl());
            }
        }
        PnlSnapshot last = finals.get(book);
        long realized = last == null ? 0 : last.realizedPnl();
        long unrealized = last == null ? 0 : last.unrealizedPnl();
        long fees = last == null ? 0 : last.fees();
        long totalPnl = last == null ? 0 : last.totalPnl();
        CurveStats c = curveStats(equity, totalPnl, capital);
        return new PerformanceStats(book, trips.trips(), fillCount, realized, unrealized, fees, totalPnl,
                c.sharpe, c.sortino, c.maxDrawdown, (double) c.maxDrawdown / capital, trips.hitRate(),
                trips.profitFactor(), traded, (double) traded / capital, capital, equity.size());
    }

    private record CurveStats(double sharpe, double sortino, long maxDrawdown) {
    }

    /** Ratios from the sampled curve; the drawdown also counts the final value after the last sample. */
    private CurveStats curveStats(List<Long> equity, long finalPnl, long capital) {
        long peak = 0;
        long maxDrawdown = 0;
        int n = equity.size();
        double[] returns = new double[n];
        long previous = 0;
        for (int i = 0; i < n; i++) {
            long e = equity.get(i);
            returns[i] = (double) Math.subtractExact(e, previous) / capital;
            previous = e;
            peak = Math.max(peak, e);
            maxDrawdown = Math.max(maxDrawdown, Math.subtractExact(peak, e));
        }
        maxDrawdown = Math.max(maxDrawdown, Math.subtractExact(peak, finalPnl));
        if (n < 2) {
            return new CurveStats(0.0, 0.0, maxDrawdown);
        }
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        double mean = sum / n;
        double squares = 0;
        double downside = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
            double d = Math.min(r, 0.0);
            downside += d * d;
        }
        double std = StrictMath.sqrt(squares / (n - 1));
        double downsideDev = StrictMath.sqrt(downside / n);
        double annualization = StrictMath.sqrt(config.periodsPerYearDays() * MICROS_PER_DAY / sampleIntervalMicros);
        double sharpe = std == 0 ? 0.0 : mean / std * annualization;
        double sortino = downsideDev == 0 ? 0.0 : mean / downsideDev * annualization;
        return new CurveStats(sharpe, sortino, maxDrawdown);
    }
}
