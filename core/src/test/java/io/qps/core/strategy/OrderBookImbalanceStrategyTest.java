package io.qps.core.strategy;

import static io.qps.core.strategy.Recorded.limit;
import static io.qps.core.strategy.Recorded.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderBookImbalanceStrategyTest {
    private static final Universe U = Universe.standard();
    private static final long SEC = 1_000_000L;
    private static final long[] EVEN = {10, 10, 10};
    private static final long[] BID_HEAVY = {50, 40, 30};
    private static final long[] ASK_HEAVY = {10, 10, 10};

    private static ImbalanceConfig config() {
        return new ImbalanceConfig(List.of(), 3, 0.3, 30 * SEC, 10 * SEC, 20_000 * Money.ONE, 250_000 * Money.ONE);
    }

    @Test
    void imbalanceUsesTheTopLevelsAndMicropriceTheTopOfBook() {
        BookUpdate b = new BookUpdate(1, 0, 0, new long[] {100, 99, 98, 97}, new long[] {5, 100, 100, 1_000},
                new long[] {101, 102, 103, 104}, new long[] {10, 10, 10, 1_000});
        assertThat(OrderBookImbalanceStrategy.imbalance(b, 3)).isCloseTo(175.0 / 235.0, within(1e-15));
        assertThat(OrderBookImbalanceStrategy.imbalance(b, 1)).isCloseTo(-5.0 / 15.0, within(1e-15));
        // (100 * 10 + 101 * 5) / 15: nearer the bid, because the bid is the thinner side
        assertThat(OrderBookImbalanceStrategy.microprice(b)).isCloseTo(1_505.0 / 15.0, within(1e-12));
    }

    /**
     * BTC-USD in cents. seq 2: imbalance 0.74 but microprice below the mid (thin top bid): nothing.
     * seq 3: bids 50/40/30 vs 10/10/10, imbalance 0.6, microprice above the mid: join the bid at 10000
     * with $20k / $0.01 per unit = 2000000 units (200 BTC at $100). seq 5: the bid moves to 10001:
     * re-peg. seq 6: only the ask moved: nothing. seq 7: 30 s after entry: flat at market, cool-down
     * to 45 s. seq 8: a sell signal inside the cool-down: nothing. seq 9: join the ask at 10002,
     * 2e10 / 10001 = 1999800 units. seq 10: a trade: ignored. seq 11: the ask moves up, leaving the
     * resting sell the best offer: it stays. seq 12: the ask moves down to 10001, away from it: re-peg.
     */
    @Test
    void joinsTheHeavySideRepegsAndFlattensAfterTheHorizon() {
        List<MarketEvent> events = new EventLog()
                .book(0, 0, 10_000, 10_001, EVEN, EVEN)
                .book(0, 2 * SEC, 10_000, 10_001, new long[] {5, 100, 100}, EVEN)
                .book(0, 5 * SEC, 10_000, 10_001, BID_HEAVY, ASK_HEAVY)
                .book(0, 10 * SEC, 10_000, 10_001, BID_HEAVY, ASK_HEAVY)
                .book(0, 15 * SEC, 10_001, 10_002, EVEN, EVEN)
                .book(0, 20 * SEC, 10_001, 10_003, EVEN, EVEN)
                .book(0, 35 * SEC, 10_001, 10_002, EVEN, EVEN)
                .book(0, 40 * SEC, 10_001, 10_002, ASK_HEAVY, BID_HEAVY)
                .book(0, 45 * SEC, 10_001, 10_002, ASK_HEAVY, BID_HEAVY)
                .trade(0, 50 * SEC, 10_002)
                .book(0, 52 * SEC, 10_001, 10_003, EVEN, EVEN)
                .book(0, 55 * SEC, 10_000, 10_001, EVEN, EVEN)
                .build();
        assertThat(Recorded.run(new OrderBookImbalanceStrategy(config(), U.get(0)), events)).containsExactly(
                limit(3, 0, 2_000_000, 10_000), limit(5, 0, 2_000_000, 10_001), market(7, 0, 0),
                limit(9, 0, -1_999_800, 10_002), limit(12, 0, -1_999_800, 10_001));
    }

    @Test
    void restartsFromItsStateExactly() {
        RandomWalks rnd = new RandomWalks(99);
        long[] mids = rnd.path(6_000, 18_000, 3);
        EventLog log = new EventLog();
        for (int i = 0; i < mids.length; i++) {
            long[] bids = {1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20)};
            long[] asks = {1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20), 1 + rnd.next(20)};
            log.book(8, i * 2 * SEC, mids[i] * 25, mids[i] * 25 + 25, bids, asks);
        }
        List<MarketEvent> events = log.build();
        List<Recorded> targets = Snapshots.assertRestartInvariant(
                () -> new OrderBookImbalanceStrategy(config(), U.require("ES")), events, 0.1, 0.5, 0.9);
        assertThat(targets.size()).isGreaterThan(50);
    }
}
