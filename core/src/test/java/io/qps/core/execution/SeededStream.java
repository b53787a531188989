package io.qps.core.execution;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded random stream of market events for four instruments (BTC-USD and ES with 5-level books,
 * AAPL and EURUSD with quotes), each followed by the targets strategies state at it: market and limit,
 * near and away from the touch, with occasional bad quantities, bad prices and unknown instruments.
 * SplitMix64 keeps it independent of any JDK random generator.
 */
final class SeededStream {
    /** One market event and the targets caused by it. */
    record Step(MarketEvent event, List<TargetPosition> targets) {
    }

    private static final int[] IDS = {0, 4, 6, 8};
    private static final long[] BASE = {5_000_000, 10_000, 108_500, 400_000};
    private static final long[] UNIT = {1_000, 50, 50_000, 1};
    private static final long[] SIZE_LOTS = {5_000, 500, 500, 20};

    private long state;

    private SeededStream(long seed) {
        state = seed;
    }

    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private int below(int bound) {
        return (int) Math.floorMod(next(), (long) bound);
    }

    private boolean chance(int percent) {
        return below(100) < percent;
    }

    static List<Step> generate(Universe universe, long seed, int events) {
        return new SeededStream(seed).steps(universe, events);
    }

    private List<Step> steps(Universe universe, int events) {
        long[] mid = BASE.clone();
        long ts = 1_700_000_000_000_000L + below(60_000_000);
        List<Step> steps = new ArrayList<>(events);
        for (long seq = 1; seq <= events; seq++) {
            ts += chance(2) ? below(300_000_000) : below(20_000_000);
            int k = below(IDS.length);
            Instrument in = universe.get(IDS[k]);
            long tick = in.tickSize();
            mid[k] += (below(7) - 3) * tick;
            long bid = mid[k] - (1 + below(2)) * tick;
            long ask = mid[k] + (1 + below(2)) * tick;
            MarketEvent e;
            if (chance(30)) {
                long[] prices = {bid - tick, bid, bid + tick, ask - tick, ask, ask + tick};
                long price = prices[below(prices.length)];
                e = new Trade(seq, ts, in.id(), price, size(k, in), chance(50) ? Side.BUY : Side.SELL);
            } else if (in.hasDepth()) {
                e = book(seq, ts, in, bid, ask, tick, k);
            } else {
                e = new Quote(seq, ts, in.id(), bid, size(k, in), ask, size(k, in));
            }
            steps.add(new Step(e, targets(seq, ts, universe, mid)));
        }
        return steps;
    }

    private long size(int k, Instrument in) {
        return (1 + below((int) SIZE_LOTS[k])) * in.lotSize();
    }

    private BookUpdate book(long seq, long ts, Instrument in, long bid, long ask, long tick, int k) {
        long[] bp = new long[5];
        long[] bs = new long[5];
        long[] ap = new long[5];
        long[] as = new long[5];
        for (int i = 0; i < 5; i++) {
            bp[i] = bid - i * tick * (1 + (i == 0 ? 0 : below(2)));
            ap[i] = ask + i * tick * (1 + (i == 0 ? 0 : below(2)));
            bs[i] = size(k, in);
            as[i] = size(k, in);
        }
        for (int i = 1; i < 5; i++) {
            bp[i] = Math.min(bp[i], bp[i - 1] - tick);
            ap[i] = Math.max(ap[i], ap[i - 1] + tick);
        }
        return new BookUpdate(seq, ts, in.id(), bp, bs, ap, as);
    }

    private List<TargetPosition> targets(long seq, long ts, Universe universe, long[] mid) {
        if (!chance(30)) {
            return List.of();
        }
        int n = 1 + below(3);
        int[] subs = new int[StrategyId.values().length];
        List<TargetPosition> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            StrategyId s = StrategyId.values()[below(StrategyId.values().length)];
            int k = below(IDS.length);
            Instrument in = universe.get(IDS[k]);
            int instrument = chance(3) ? 99 : in.id();
            long qty = (below(9) - 4) * UNIT[k];
            if (chance(3)) {
                qty += in.lotSize() > 1 ? in.lotSize() / 2 : 0;
            }
            OrderType type = chance(50) ? OrderType.MARKET : OrderType.LIMIT;
            long price = 0;
            if (type == OrderType.LIMIT) {
                price = mid[k] + (below(9) - 4) * in.tickSize();
                if (chance(3)) {
                    price = in.tickSize() > 1 ? price + 1 : -price;
                }
            }
            out.add(new TargetPosition(seq, ts, s, subs[s.ordinal()]++, instrument, qty, type, price));
        }
        return out;
    }
}
