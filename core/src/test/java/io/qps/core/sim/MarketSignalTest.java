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
        MarketStats.PairStats pair = stats.pair(XOM, CVX, LatentMarket.PAIR_HEDGE);
        double intercept = Math.log(150) - LatentMarket.PAIR_HEDGE * Math.log(100);
        assertThat(pair.minutes()).isEqualTo(3 * 390);
        assertThat(pair.mean()).isBetween(intercept - 0.01, intercept + 0.01);
        assertThat(pair.sd()).isBetween(0.003, 0.007);
        assertThat(pair.halfLifeMinutes()).isBetween(15.0, 60.0);
        assertThat(pair.rollingExcursions()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void trendingRegimesMakeBreakoutsContinue() {
        int[] instruments = {BTC, ETH, XOM, AAPL, MSFT, EURUSD, 7, ES, NQ};
        double varianceRatioSum = 0;
        long hits = 0;
        long breakouts = 0;
        for (int i : instruments) {
            varianceRatioSum += stats.varianceRatio(i);
            long[] b = stats.donchianBreakouts(i, 20, 12);
            breakouts += b[0];
            hits += b[1];
        }
        assertThat(varianceRatioSum / instruments.length).isGreaterThan(1.3);
        assertThat(breakouts).isGreaterThan(1_000);
        assertThat(hits / (double) breakouts).isGreaterThan(0.58);
    }
}
