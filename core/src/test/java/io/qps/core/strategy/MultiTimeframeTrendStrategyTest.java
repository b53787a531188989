package io.qps.core.strategy;

import static io.qps.core.strategy.Recorded.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiTimeframeTrendStrategyTest {
    private static final Universe U = Universe.standard();
    private static final long MIN = 60_000_000L;

    /**
     * AAPL, one quote a minute; entry bars of 1 minute, trend bars of 3 minutes (closing at minutes
     * 3, 6, 9, ...), trend = sign(last trend close - mean of the last two), pullback MA of 2 entry bars,
     * ATR(1), stop 1 ATR, target 2 ATR. Event of minute m has seq m + 1.
     * <pre>
     * m6:  trend bar 10020 -> 10050: uptrend; entry bar 5 10050 >= MA 10045
     * m7:  entry bar 6 10030 < MA 10040: pullback
     * m8:  entry bar 7 10060 > MA 10045: long at mid 10080: 1e11 / 1.008e8 = 992 shares (seq 9); ATR 30
     * m9:  bar 8 10080: +20, inside stop -30 / target +60
     * m10: bar 9 10130: +70 >= 60: target, flat (seq 11)
     * m11: bar 10 10100 < MA 10115: pullback
     * m12: trend bar 10080 -> 10140 still up; bar 11 10140 > MA 10120: long at 10120: 988 shares (seq 13), ATR 40
     * m13, m14: -20, -30: inside the stop -40
     * m15: trend bar 10140 -> 10105: downtrend, the long goes flat (seq 16)
     * </pre>
     */
    @Test
    void buysPullbacksInTheTrendAndLeavesAtTargetOrTrendFlip() {
        MtfConfig c = new MtfConfig(List.of("AAPL"), MIN, 3 * MIN, 1, 2, 2, 1, 1.0, 2.0,
                100_000 * Money.ONE, 250_000 * Money.ONE);
        List<MarketEvent> events = new EventLog().quotes(4, 0, MIN, 1,
                10_000, 10_010, 10_020, 10_030, 10_040, 10_050, 10_030, 10_060,
                10_080, 10_130, 10_100, 10_140, 10_120, 10_110, 10_105, 10_105).build();
        assertThat(Recorded.run(new MultiTimeframeTrendStrategy(c, U.get(4)), events)).containsExactly(
                market(9, 4, 992), market(11, 4, 0), market(13, 4, 988), market(16, 4, 0));
    }

    /**
     * The same set-up falling: m6 downtrend (9980 -> 9950); m7 bar 6 9970 > MA 9960 rallies; m8 bar 7
     * 9940 < MA 9955: short at mid 9920, 1e11 / 9.92e7 = 1008 shares (seq 9), ATR 30; m10 bar 9 9870 is
     * 70 in favour >= 60: flat (seq 11); m11 rally 9900 > MA 9885; m12 trend 9920 -> 9860 still down,
     * bar 11 9860 < MA 9880: short at 9880, 1012 shares (seq 13), ATR 40; m14 bar 13 9900 is 40 against:
     * stopped (seq 15); m15 no new rally, nothing.
     */
    @Test
    void sellsRalliesInADowntrendAndStopsOut() {
        MtfConfig c = new MtfConfig(List.of("AAPL"), MIN, 3 * MIN, 1, 2, 2, 1, 1.0, 2.0,
                100_000 * Money.ONE, 250_000 * Money.ONE);
        List<MarketEvent> events = new EventLog().quotes(4, 0, MIN, 1,
                10_000, 9_990, 9_980, 9_970, 9_960, 9_950, 9_970, 9_940,
                9_920, 9_870, 9_900, 9_860, 9_880, 9_900, 9_850, 9_850).build();
        assertThat(Recorded.run(new MultiTimeframeTrendStrategy(c, U.get(4)), events)).containsExactly(
                market(9, 4, -1_008), market(11, 4, 0), market(13, 4, -1_012), market(15, 4, 0));
    }

    @Test
    void restartsFromItsStateExactly() {
        long[] path = new RandomWalks(5).path(30_000, 20_000, 8);
        List<MarketEvent> events = new EventLog().quotes(4, 0, 15_000_000, 1, path).build();
        List<Recorded> targets = Snapshots.assertRestartInvariant(
                () -> new MultiTimeframeTrendStrategy(MtfConfig.defaults(), U.get(4)), events, 0.2, 0.5, 0.63);
        assertThat(targets.size()).isGreaterThan(10);
    }
}
