package io.qps.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every default instance of the factory, on one seeded day of the standard universe (quotes or
 * five-level books every 20 s while each market is open), restarts from its bytes without changing
 * a single target, at three split points.
 */
class StrategySetRestartTest {
    /** Monday 2024-01-01 00:00 UTC. */
    private static final long MONDAY = 1_704_067_200_000_000L;
    private static final long STEP = 20_000_000L;

    static List<MarketEvent> day() {
        Universe u = Universe.standard();
        RandomWalks rnd = new RandomWalks(2024);
        EventLog log = new EventLog();
        long[] start = {4_200_000, 230_000, 10_000, 15_000, 18_500, 37_500, 110_000, 127_000, 475_000, 1_680_000};
        for (Instrument in : u.all()) {
            int n = (int) (86_400_000_000L / STEP);
            long[] path = rnd.path(n, start[in.id()] / in.tickSize(), 3);
            for (int i = 0; i < n; i++) {
                long ts = MONDAY + i * STEP + in.id();
                if (!in.hours().isOpen(ts)) {
                    continue;
                }
                long bid = path[i] * in.tickSize();
                long ask = bid + in.tickSize();
                if (in.hasDepth()) {
                    long[] bids = new long[5];
                    long[] asks = new long[5];
                    for (int l = 0; l < 5; l++) {
                        bids[l] = 1 + rnd.next(30);
                        asks[l] = 1 + rnd.next(30);
                    }
                    log.book(in.id(), ts, bid, ask, bids, asks);
                } else {
                    log.quote(in.id(), ts, bid, ask);
                }
            }
        }
        return log.build();
    }

    @Test
    void everyDefaultInstanceRestartsExactly() {
        List<MarketEvent> events = day();
        List<Strategy> all = StrategyFactory.create(StrategiesConfig.defaults(), Universe.standard());
        int total = 0;
        for (int s = 0; s < all.size(); s++) {
            int index = s;
            total += Snapshots.assertRestartInvariant(
                    () -> StrategyFactory.create(StrategiesConfig.defaults(), Universe.standard()).get(index),
                    events, 0.33, 0.5, 0.71).size();
        }
        assertThat(events).hasSizeGreaterThan(20_000);
        assertThat(total).isGreaterThan(100);
    }
}
