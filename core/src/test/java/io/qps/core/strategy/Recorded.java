package io.qps.core.strategy;

import io.qps.core.market.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A target stated by a strategy, with the {@code seq} of the event during which it was stated;
 * {@code limitPrice} is 0 for a market target.
 */
record Recorded(long seq, int instrument, long quantity, long limitPrice) {

    static Recorded market(long seq, int instrument, long quantity) {
        return new Recorded(seq, instrument, quantity, 0);
    }

    static Recorded limit(long seq, int instrument, long quantity, long limitPrice) {
        return new Recorded(seq, instrument, quantity, limitPrice);
    }

    /** Feeds the events the strategy subscribes to, in order, and returns every target it stated. */
    static List<Recorded> run(Strategy strategy, List<MarketEvent> events) {
        List<Recorded> out = new ArrayList<>();
        long[] current = new long[1];
        TargetSink sink = new TargetSink() {
            @Override
            public void target(int instrument, long quantity) {
                out.add(market(current[0], instrument, quantity));
            }

            @Override
            public void targetLimit(int instrument, long quantity, long limitPrice) {
                out.add(limit(current[0], instrument, quantity, limitPrice));
            }
        };
        for (MarketEvent e : events) {
            if (strategy.subscriptions().contains(e.instrument())) {
                current[0] = e.seq();
                strategy.onEvent(e, sink);
            }
        }
        return out;
    }
}
