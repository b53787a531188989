package io.qps.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures, on the default dataset ({@code defaults(42, 3)}), each signal the strategies are meant to
 * find. Thresholds are loose enough to hold for any reasonable seed and tight enough that removing
 * the planted effect fails them.
 */
class MarketSignalTest {
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final int XOM = 2;
    private static final int CVX = 3;
    private static final int AAPL = 4;
    private static final int MSFT = 5;
    private static final int EURUSD = 6;
    private static final int ES = 8;
    private static final int NQ = 9;
    private static MarketStats stats;
    private static long total;

    @BeforeAll
    static void generate() {
        SimConfig cfg = SimConfig.defaults(42, 3);
        stats = new MarketStats(cfg);
        total = new MarketSimulator(cfg).run(stats);
    }

    @Test
    void defaultDensityIsBetweenOneAndAHalfAndThreeMillionEvents() {
        assertThat(total).isEqualTo(2_442_329L);
        assertThat(stats.events).containsExactly(467_099, 363_197, 175_790, 175_206, 176_012, 175_335, 207_133,
                155_538, 298_695, 248_324);
        assertThat(stats.ordered).isTrue();
        assertThat(stats.onTickAndLots).isTrue();
        assertThat(stats.books[BTC] + stats.trades[BTC]).isEqualTo(stats.events[BTC]);
        assertThat(stats.quotes[XOM] + stats.trades[XOM]).isEqualTo(stats.events[XOM]);
    }

    @Test
    void topThreeLevelImbalancePredictsTheNextMidMove() {
        for (int i : new int[] {BTC, ETH, ES, NQ}) {
            assertThat(stats.imbalanceTotal[i]).isGreaterThan(30_000);
            assertThat(stats.imbalanceAgreement(i)).as(stats.universe.get(i).symbol()).isGreaterThan(0.6);
        }
    }

    @Test
    void equitiesAndFuturesFollowCryptoFiveMinutesLate() {
        double[] btc = stats.logReturns(BTC, 1);
        for (int i : new int[] {XOM, AAPL, MSFT, ES, NQ}) {
            double[] r = stats.logReturns(i, 1);
            double[] corr = new double[16];
            for (int lag = 0; lag < corr.length; lag++) {
                corr[lag] = MarketStats.laggedCorrelation(btc, r, lag);
            }
            int peak = 0;
            for (int lag = 1; lag < corr.length; lag++) {
                peak = corr[lag] > corr[peak] ? lag : peak;
            }
            String name = stats.universe.get(i).symbol() + " " + Arrays.toString(corr);
            assertThat(peak).as(name).isEqualTo(InstrumentProfile.EQUITY_FUTURES_LAG_SECONDS / 60);
            assertThat(corr[peak]).as(name).isGreaterThan(0.4);
            assertThat(Math.abs(corr[0])).as(name).isLessThan(0.1);
        }
    }

    @Test
    void assetClassesMoveTogetherInsideAndDisperseAcross() {
        double[] btc = stats.logReturns(BTC, 1);
        assertThat(MarketStats.laggedCorrelation(btc, stats.logReturns(ETH, 1), 0)).isGreaterThan(0.6);
        assertThat(MarketStats.laggedCorrelation(stats.logReturns(ES, 1), stats.logReturns(NQ, 1), 0)).isGreaterThan(0.6);
        assertThat(MarketStats.laggedCorrelation(btc, stats.logReturns(EURUSD, 1), 0)).isLessThan(-0.2);
        assertThat(Math.abs(MarketStats.laggedCorrelation(btc, stats.logReturns(ES, 1), 0))).isLessThan(0.1);
    }

    @Test
    void cvxAndXomAreCointegratedWithAMeanRevertingSpread() {
        double[] spread = new double[stats.minuteMid[XOM].length];
        Arrays.fill(spread, Double.NaN);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int m = 0; m < spread.length; m++) {
            double x = stats.minuteMid[XOM][m];
            double c = stats.minuteMid[CVX][m];
            if (!Double.isNaN(x) && !Double.isNaN(c)) {
                spread[m] = Math.log(c) - LatentMarket.PAIR_HEDGE * Math.log(x);
                sum += spread[m];
                sumSq += spread[m] * spread[m];
                n++;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        double sxy = 0;
        double sxx = 0;
        for (int m = 1; m < spread.length; m++) {
            if (!Double.isNaN(spread[m]) && !Double.isNaN(spread[m - 1])) {
                sxy += (spread[m] - mean) * (spread[m - 1] - mean);
                sxx += (spread[m - 1] - mean) * (spread[m - 1] - mean);
            }
        }
        double halfLifeMinutes = Math.log(0.5) / Math.log(sxy / sxx);
        assertThat(n).isEqualTo(3 * 390);
        assertThat(mean).isBetween(Math.log(150) - 0.9 * Math.log(100) - 0.01, Math.log(150) - 0.9 * Math.log(100) + 0.01);
        assertThat(sd).isBetween(0.003, 0.007);
        assertThat(halfLifeMinutes).isBetween(15.0, 60.0);
        assertThat(rollingExcursions(spread, 60)).isGreaterThanOrEqualTo(15);
    }

    @Test
    void trendingRegimesMakeBreakoutsContinue() {
        int hits = 0;
        int breakouts = 0;
        double varianceRatioSum = 0;
        int[] instruments = {BTC, ETH, XOM, AAPL, MSFT, EURUSD, 7, ES, NQ};
        for (int i : instruments) {
            varianceRatioSum += varianceRatio(i);
            double[] close = fiveMinuteCloses(i);
            for (int b = 20; b + 12 < close.length; b++) {
                double hi = Double.NEGATIVE_INFINITY;
                double lo = Double.POSITIVE_INFINITY;
                for (int j = b - 20; j < b; j++) {
                    hi = Math.max(hi, close[j]);
                    lo = Math.min(lo, close[j]);
                }
                int dir = close[b] > hi ? 1 : close[b] < lo ? -1 : 0;
                if (dir != 0 && !Double.isNaN(hi + lo + close[b] + close[b + 12])) {
                    breakouts++;
                    hits += dir * (close[b + 12] - close[b]) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(varianceRatioSum / instruments.length).isGreaterThan(1.3);
        assertThat(breakouts).isGreaterThan(1_000);
        assertThat(hits / (double) breakouts).isGreaterThan(0.58);
    }

    private static double[] fiveMinuteCloses(int i) {
        double[] mids = stats.minuteMid[i];
        double[] close = new double[mids.length / 5];
        for (int b = 0; b < close.length; b++) {
            close[b] = mids[b * 5 + 4];
        }
        return close;
    }

    /** Variance of 1-hour returns over 12 times that of 5-minute returns: 1 for a random walk, more when trending. */
    private static double varianceRatio(int i) {
        return meanSquare(stats.logReturns(i, 60), 60) / (12 * meanSquare(stats.logReturns(i, 5), 5));
    }

    private static double meanSquare(double[] r, int step) {
        double s = 0;
        int n = 0;
        for (int m = 0; m < r.length; m += step) {
            if (!Double.isNaN(r[m])) {
                s += r[m] * r[m];
                n++;
            }
        }
        return s / n;
    }

    /** Times a rolling z-score (window minutes) leaves +-2 after having come back inside +-0.5. */
    private static int rollingExcursions(double[] s, int window) {
        int count = 0;
        boolean out = false;
        for (int m = window; m < s.length; m++) {
            double a = 0;
            double b = 0;
            int k = 0;
            for (int j = m - window; j < m; j++) {
                if (!Double.isNaN(s[j])) {
                    a += s[j];
                    b += s[j] * s[j];
                    k++;
                }
            }
            if (k < window / 2 || Double.isNaN(s[m])) {
                continue;
            }
            double mu = a / k;
            double z = (s[m] - mu) / Math.sqrt(b / k - mu * mu);
            if (!out && Math.abs(z) > 2) {
                count++;
                out = true;
            } else if (out && Math.abs(z) < 0.5) {
                out = false;
            }
        }
        return count;
    }
}
