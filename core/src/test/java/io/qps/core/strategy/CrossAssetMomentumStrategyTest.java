package io.qps.core.strategy;

import static io.qps.core.strategy.Recorded.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.instrument.TradingHours;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossAssetMomentumStrategyTest {
    private static final long MIN = 60_000_000L;
    /** 2023-11-14 22:14:00 UTC, on a minute boundary. */
    private static final long T0 = 1_700_000_040_000_000L;

    /** Five 24/7 coins C0..C4 priced in cents, quantities in 0.0001. */
    static Universe coins() {
        return coins(TradingHours.ALWAYS);
    }

    /** The same, but C4 keeps {@code lastHours}. */
    static Universe coins(TradingHours lastHours) {
        List<Instrument> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(new Instrument(i, "C" + i, AssetClass.CRYPTO, 2, 4, 1, 1, 1, "USD", false,
                    i == 4 ? lastHours : TradingHours.ALWAYS));
        }
        return new Universe(list);
    }

    /**
     * P[i][m] is coin i's mid from m:30 on; each coin quotes at m:00 (still the previous mid) and at m:30.
     * The rebalance at boundary m:00 is caused by the last quote before it (seq 10m while all five
     * quote) and sees the mids P[.][m-1]; a 2-period lookback compares them with P[.][m-3].
     */
    private static final long[][] P = {
        {10_000, 10_000, 10_000, 10_000, 10_000, 10_000},
        {10_000, 10_000, 10_500, 10_500, 10_500, 10_500},
        {10_000, 10_000, 9_500, 9_500, 11_000, 11_000},
        {10_000, 10_000, 10_100, 10_100, 10_100},
        {10_000, 10_000, 9_900, 9_900, 9_900},
    };

    private static List<MarketEvent> stream() {
        EventLog log = new EventLog();
        for (int i = 0; i < P.length; i++) {
            for (int m = 0; m < P[i].length; m++) {
                long before = P[i][Math.max(0, m - 1)];
                log.quote(i, T0 + m * MIN, before - 1, before + 1);
                log.quote(i, T0 + m * MIN + MIN / 2, P[i][m] - 1, P[i][m] + 1);
            }
        }
        for (int i = 0; i < 3; i++) {
            long last = P[i][5];
            log.quote(i, T0 + 6 * MIN, last - 1, last + 1);
        }
        return log.build();
    }

    /**
     * <pre>
     * m3 (seq 30): returns P(2)/P(0): C1 +5%, C3 +1%, C0 0, C4 -1%, C2 -5% -> long C1 1e11/10500 = 9523809,
     *              short C2 1e11/9500 = 10526315
     * m4 (seq 40): same order, positions kept
     * m5 (seq 50): P(4)/P(2): C2 +15.8%, the rest 0 (ties by id): long C2 (1e11/11000 = 9090909), short C4
     *              (1e11/9900 = 10101010), C1 flat
     * m6 (seq 56): C3, C4 last quoted 90 s ago > 60 s: stale, not ranked. C2 +15.8%, C0 0, C1 0 -> C2 kept,
     *              short C1 (9523809), C4 flat
     * </pre>
     */
    @Test
    void ranksFreshInstrumentsAndHoldsTheEnds() {
        Universe u = coins();
        MomentumConfig c = new MomentumConfig(List.of(), MIN, 2, 1, MIN, 100_000 * Money.ONE, 250_000 * Money.ONE);
        List<Recorded> got = Recorded.run(new CrossAssetMomentumStrategy(c, u.all()), stream());
        assertThat(got).containsExactly(
                market(30, 1, 9_523_809), market(30, 2, -10_526_315),
                market(50, 1, 0), market(50, 2, 9_090_909), market(50, 4, -10_101_010),
                market(56, 1, -9_523_809), market(56, 4, 0));
    }

    /**
     * The same stream with C4 on US equity hours, closed at 22:14 UTC although it quotes: never ranked.
     * m5: C2 top, bottom of the ties C0, C1, C3 is C3 (1e11/10100 = 9900990); m6: C3 stale, C1 the bottom.
     */
    @Test
    void skipsInstrumentsWhoseMarketIsClosed() {
        MomentumConfig c = new MomentumConfig(List.of(), MIN, 2, 1, MIN, 100_000 * Money.ONE, 250_000 * Money.ONE);
        List<Recorded> got = Recorded.run(new CrossAssetMomentumStrategy(c, coins(TradingHours.US_EQUITY).all()), stream());
        assertThat(got).containsExactly(
                market(30, 1, 9_523_809), market(30, 2, -10_526_315),
                market(50, 1, 0), market(50, 2, 9_090_909), market(50, 3, -9_900_990),
                market(56, 1, -9_523_809), market(56, 3, 0));
    }

    @Test
    void restartsFromItsStateExactly() {
        Universe u = coins();
        EventLog log = new EventLog();
        RandomWalks rnd = new RandomWalks(3);
        for (int i = 0; i < 5; i++) {
            log.quotes(i, T0 + i * 1_000_000L, 20_000_000L, 1, rnd.path(8_000, 10_000 + 1_000 * i, 6));
        }
        List<MarketEvent> events = log.build();
        List<Recorded> targets = Snapshots.assertRestartInvariant(
                () -> new CrossAssetMomentumStrategy(MomentumConfig.defaults(), u.all()), events, 0.15, 0.5, 0.66);
        assertThat(targets.size()).isGreaterThan(10);
    }

    @Test
    void subscribesToItsUniverseInIdOrder() {
        Universe u = Universe.standard();
        CrossAssetMomentumStrategy s = new CrossAssetMomentumStrategy(MomentumConfig.defaults(),
                List.of(u.get(7), u.get(0), u.get(3)));
        assertThat(s.subscriptions()).containsExactly(0, 3, 7);
        assertThat(s.instanceName()).isEqualTo("alpha_4_multi_asset");
    }
}
