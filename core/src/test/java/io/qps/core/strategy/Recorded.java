package io.qps.core.strategy;

import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketView;
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
        return run(strategy, events, 0, events.size());
    }

    /**
     * Runs events {@code [from, to)}. A boundary strategy is run at every boundary its interval puts between
     * two consecutive events, on a view of the events before it (events before {@code from} fill the view
     * without decisions, as the engine's view outlives a restart of the strategy); its targets are recorded
     * with the seq of its instruments' last event before the boundary, as the engine stamps them.
     */
    static List<Recorded> run(Strategy strategy, List<MarketEvent> events, int from, int to) {
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
        if (strategy instanceof BoundaryStrategy b) {
            int size = 1 + events.stream().mapToInt(MarketEvent::instrument).max().orElse(0);
            MarketView view = new MarketView(size);
            for (int k = 0; k < to; k++) {
                MarketEvent e = events.get(k);
                if (k >= from && k > 0) {
                    long last = events.get(k - 1).timestampMicros();
                    long interval = b.intervalMicros();
                    for (long t = Math.floorDiv(last, interval) * interval + interval; t <= e.timestampMicros();
                            t += interval) {
                        current[0] = 0;
                        for (int i : b.subscriptions()) {
                            current[0] = Math.max(current[0], i < size ? view.lastSeq(i) : 0);
                        }
                        b.onBoundary(t, view, sink);
                    }
                }
                view.onEvent(e);
            }
            return out;
        }
        for (MarketEvent e : events.subList(from, to)) {
            if (strategy.subscriptions().contains(e.instrument())) {
                current[0] = e.seq();
                strategy.onEvent(e, sink);
            }
        }
        return out;
    }
}
