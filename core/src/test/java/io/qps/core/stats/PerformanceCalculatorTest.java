package io.qps.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.instrument.Universe;
import io.qps.core.market.Side;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every statistic and convention on small equity curves computed by hand. */
class PerformanceCalculatorTest {
    private static final long D = EquityCurve.DAY_MICROS;
    private static final long H = EquityCurve.HOUR_MICROS;
    private static final String A1 = StrategyId.ALPHA_1_PAIRS.code();
    private static final StatsConfig CONFIG = new StatsConfig(1_000, 365);
    private static final double EPS = 1e-12;

    private static PnlSnapshot sample(String book, long boundary, long pnl, long gross) {
        return new PnlSnapshot(boundary, book, 0, boundary, pnl, 0, 0, pnl, gross, 0);
    }

    /** Three UTC days: closes 20 (the midnight sample closes day 0), -10, 30; PnL 10, 20, 5, -10, 30. */
    private static List<PnlSnapshot> threeDays(String book) {
        return List.of(sample(book, H, 10, 7), sample(book, D, 20, 0), sample(book, D + H, 5, 3),
                sample(book, 2 * D, -10, 0), sample(book, 2 * D + H, 30, 1));
    }

    private static PerformanceStats alpha1(List<PnlSnapshot> curve, List<PositionRecord> positions,
                                           List<FillEvent> fills) {
        return new PerformanceCalculator(Universe.standard(), CONFIG, H)
                .compute(List.of(StrategyId.ALPHA_1_PAIRS), fills, positions, curve).get(A1);
    }

    @Test
    void dailyReturnsCloseEachUtcDayAtItsLastSample() {
        List<EquityCurve.PeriodReturn> daily = EquityCurve.of(A1, threeDays(A1)).returns(D, 1_000);
        assertThat(daily).extracting(EquityCurve.PeriodReturn::periodStartMicros).containsExactly(0L, D, 2 * D);
        assertThat(daily).extracting(EquityCurve.PeriodReturn::closingPnl).containsExactly(20L, -10L, 30L);
        assertThat(daily).extracting(EquityCurve.PeriodReturn::value).containsExactly(0.02, -0.03, 0.04);
    }

    @Test
    void dailyRatiosAnnualizedOver365Days() {
        PerformanceStats s = alpha1(threeDays(A1), List.of(), List.of());
        // daily returns 0.02, -0.03, 0.04: mean 0.01, sample variance (1 + 16 + 9)e-4 / 2 = 0.0013
        double std = Math.sqrt(0.0013);
        double downside = Math.sqrt(0.0009 / 3);
        assertThat(s.days()).isEqualTo(3);
        assertThat(s.samples()).isEqualTo(5);
        assertThat(s.totalPnl()).isEqualTo(30);
        assertThat(s.totalReturn()).isEqualTo(0.03);
        assertThat(s.annualizedReturn()).isCloseTo(3.65, within(EPS));
        assertThat(s.annualizedVolatility()).isCloseTo(std * Math.sqrt(365), within(EPS));
        assertThat(s.sharpe()).isCloseTo(0.01 / std * Math.sqrt(365), within(EPS));
        assertThat(s.sortino()).isCloseTo(0.01 / downside * Math.sqrt(365), within(EPS));
        // worst fall: from the peak 20 (equity 1020) to -10, i.e. 30 or 30/1020
        assertThat(s.maxDrawdown()).isEqualTo(30);
        assertThat(s.maxDrawdownPct()).isCloseTo(30.0 / 1020, within(EPS));
        assertThat(s.calmar()).isCloseTo(3.65 / (30.0 / 1020), within(EPS));
        // below the peak of day 1's midnight sample until the 30 of day 2, 01:00
        assertThat(s.maxDrawdownDurationMicros()).isEqualTo(D + H);
        assertThat(s.exposure()).isCloseTo(0.6, within(EPS));
        assertThat(s.firstSampleMicros()).isEqualTo(H);
        assertThat(s.lastSampleMicros()).isEqualTo(2 * D + H);
    }

    @Test
    void intradaySharpeUsesEverySampleAnnualizedBySamplesPerYear() {
        PerformanceStats s = alpha1(threeDays(A1), List.of(), List.of());
        double[] r = {0.01, 0.01, -0.015, -0.015, 0.04};
        double mean = 0.03 / 5;
        double squares = 0;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
        }
        // the calculator was told samples are an hour apart: 365 * 24 per year
        assertThat(s.sharpeIntraday()).isCloseTo(mean / Math.sqrt(squares / 4) * Math.sqrt(365 * 24), within(1e-9));
    }

    @Test
    void undefinedRatiosAreNull() {
        PerformanceStats oneDay = alpha1(List.of(sample(A1, H, 5, 0), sample(A1, 2 * H, 8, 0)), List.of(), List.of());
        assertThat(oneDay.days()).isEqualTo(1);
        assertThat(oneDay.annualizedReturn()).isCloseTo(0.008 * 365, within(EPS));
        assertThat(oneDay.sharpe()).isNull();
        assertThat(oneDay.sortino()).isNull();
        assertThat(oneDay.annualizedVolatility()).isNull();
        assertThat(oneDay.calmar()).as("no drawdown").isNull();
        assertThat(oneDay.exposure()).isEqualTo(0.0);
        assertThat(oneDay.hitRate()).isNull();
        assertThat(oneDay.profitFactor()).isNull();

        PerformanceStats flat = alpha1(List.of(sample(A1, D, 0, 0), sample(A1, 2 * D, 0, 0)), List.of(), List.of());
        assertThat(flat.sharpe()).as("zero volatility").isNull();
        assertThat(flat.maxDrawdownDurationMicros()).isZero();

        PerformanceStats gains = alpha1(List.of(sample(A1, D, 10, 0), sample(A1, 2 * D, 30, 0)), List.of(),
                List.of());
        assertThat(gains.sortino()).as("no losing day").isNull();
        assertThat(gains.sharpe()).isNotNull();

        PerformanceStats empty = alpha1(List.of(), List.of(), List.of());
        assertThat(empty.totalPnl()).isZero();
        assertThat(empty.annualizedReturn()).isNull();
        assertThat(empty.exposure()).isNull();
    }

    @Test
    void neverRecoveredDrawdownLastsToTheLastSample() {
        PerformanceStats s = alpha1(List.of(sample(A1, H, -5, 0), sample(A1, 2 * H, 3, 0), sample(A1, 5 * H, -7, 0)),
                List.of(), List.of());
        // the curve starts at PnL 0 at the first sample: under water H..2H, then from the peak 3 (2H) to the end (5H)
        assertThat(s.maxDrawdownDurationMicros()).isEqualTo(3 * H);
        assertThat(s.maxDrawdown()).isEqualTo(10);
        assertThat(s.maxDrawdownPct()).isCloseTo(10.0 / 1003, within(EPS));
    }

    private static PositionRecord position(String symbol, long qty, long realized, long fees) {
        return new PositionRecord(0, symbol, 0, StrategyId.ALPHA_1_PAIRS, 0, qty, 0, 0, realized, fees, 0);
    }

    @Test
    void roundTripsHitRateAndProfitFactor() {
        List<PositionRecord> positions = List.of(
                position("X", 10, 0, 1), position("X", 0, 50, 2),        // win 50 - 1 = 49
                position("Y", -5, 0, 0), position("Y", 5, -20, 3),       // flip: loss -20 - 3 = -23, opens again
                position("Y", 0, -10, 4));                               // win 10 - 1 = 9
        PerformanceStats s = alpha1(List.of(), positions, List.of());
        assertThat(s.roundTrips()).isEqualTo(3);
        assertThat(s.hitRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.profitFactor()).isCloseTo(58.0 / 23, within(EPS));

        PerformanceStats onlyWins = alpha1(List.of(), positions.subList(0, 2), List.of());
        assertThat(onlyWins.hitRate()).isEqualTo(1.0);
        assertThat(onlyWins.profitFactor()).as("no losing round trip: undefined, not infinite").isNull();
        PerformanceStats open = alpha1(List.of(), positions.subList(0, 1), List.of());
        assertThat(open.roundTrips()).isZero();
        assertThat(open.hitRate()).isNull();
    }

    @Test
    void fillsTurnoverAndTheTotalBookOnSummedCapital() {
        Universe universe = Universe.standard();
        List<FillEvent> fills = new ArrayList<>();
        long price = 5 * universe.get(0).tickSize();
        long qty = 3 * universe.get(0).lotSize();
        fills.add(new FillEvent(1, "X", 0, 0, StrategyId.ALPHA_1_PAIRS, 0, "o1", Side.BUY, qty, price,
                Liquidity.TAKER, 0, 0, 0));
        fills.add(new FillEvent(2, "X", 0, 0, StrategyId.ALPHA_2_BREAKOUT, 0, "o2", Side.SELL, qty, price,
                Liquidity.MAKER, 0, 0, 1));
        long notional = universe.get(0).notional(price, qty);
        List<PnlSnapshot> curve = new ArrayList<>(threeDays(A1));
        curve.addAll(threeDays(PnlSnapshot.TOTAL));
        Map<String, PerformanceStats> all = new PerformanceCalculator(universe, CONFIG, H).compute(
                List.of(StrategyId.ALPHA_1_PAIRS, StrategyId.ALPHA_2_BREAKOUT), fills, List.of(), curve);
        assertThat(all.keySet()).containsExactly(A1, StrategyId.ALPHA_2_BREAKOUT.code(), PnlSnapshot.TOTAL);
        assertThat(all.get(A1).fills()).isEqualTo(1);
        assertThat(all.get(A1).tradedNotional()).isEqualTo(notional);
        assertThat(all.get(A1).turnover()).isEqualTo((double) notional / 1_000);
        PerformanceStats total = all.get(PnlSnapshot.TOTAL);
        assertThat(total.capital()).isEqualTo(2_000);
        assertThat(total.fills()).isEqualTo(2);
        assertThat(total.turnover()).isEqualTo(2.0 * notional / 2_000);
        assertThat(total.totalReturn()).isEqualTo(0.015);
        assertThat(total.sharpe()).as("same PnL on twice the capital: same Sharpe").isCloseTo(
                all.get(A1).sharpe(), within(1e-9));
    }

    @Test
    void rollingSharpeAndCorrelation() {
        Double[] rolling = Ratios.rollingSharpe(new double[] {0.01, 0.03, 0.02}, 2, 4);
        assertThat(rolling[0]).isNull();
        assertThat(rolling[1]).isCloseTo(0.02 / Math.sqrt(0.0002) * 2, within(EPS));
        assertThat(rolling[2]).isCloseTo(0.025 / Math.sqrt(0.00005) * 2, within(EPS));
        assertThat(Ratios.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1.0, within(EPS));
        assertThat(Ratios.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1.0, within(EPS));
        assertThat(Ratios.correlation(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isNull();
        assertThat(Ratios.correlation(new double[] {1}, new double[] {2})).isNull();
    }
}
