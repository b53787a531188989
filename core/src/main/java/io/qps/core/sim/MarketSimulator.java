package io.qps.core.sim;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The seeded market simulator: a pure function of its {@link SimConfig} (and this code), with no
 * wall clock and no other source of randomness.
 *
 * <p>Time advances in one-second windows of event time. At the start of each window the latent
 * model ({@link LatentMarket}) holds the fair values; every instrument whose market is open draws
 * its Poisson arrival times in the window, and the arrivals are merged in dataset order (timestamp,
 * then instrument id; one instrument's arrivals are strictly increasing). Each event is created as
 * it is emitted and stamped with the next global {@code seq}, dense from 1. Only one window is held
 * in memory, so a run of any length streams in constant space.
 *
 * <p>Depth instruments ({@link Instrument#hasDepth()}) emit {@link io.qps.core.market.BookUpdate}s
 * with {@value InstrumentFeed#DEPTH_LEVELS} levels a side, the others
 * {@link io.qps.core.market.Quote}s; all emit {@link io.qps.core.market.Trade}s.
 */
public final class MarketSimulator {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final SimConfig config;

    public MarketSimulator(SimConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SimConfig config() {
        return config;
    }

    /**
     * Generates the whole dataset, handing each event to {@code sink} in {@code seq} order.
     *
     * @return the number of events emitted (the last {@code seq})
     */
    public long run(Consumer<? super MarketEvent> sink) {
        Cursor cursor = new Cursor();
        while (cursor.nextWindow(sink)) {
            // each call emits one second of events
        }
        return cursor.seq;
    }

    /**
     * The same events as {@link #run}, pulled one at a time (for a consumer that paces itself).
     * Each call starts a fresh simulation; the iterator buffers one second of events at most.
     */
    public Iterator<MarketEvent> iterator() {
        Cursor cursor = new Cursor();
        ArrayDeque<MarketEvent> buffer = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && cursor.nextWindow(buffer::add)) {
                    // skip windows where every market is closed
                }
                return !buffer.isEmpty();
            }

            @Override
            public MarketEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the simulation has ended");
                }
                return buffer.poll();
            }
        };
    }

    /** One run's state: the latent model, the feeds, the next window and the last {@code seq}. */
    private final class Cursor {
        private final Universe universe = config.universe();
        private final int n = universe.size();
        private final LatentMarket latent;
        private final InstrumentFeed[] feeds = new InstrumentFeed[n];
        private final double[] vols = new double[n];
        private final int[] counts = new int[n];
        private final int[] next = new int[n];
        private final long windows = (long) config.days() * 86_400L;
        private long window;
        private long seq;

        Cursor() {
            SplitMix64 root = new SplitMix64(config.seed());
            latent = new LatentMarket(universe, root);
            for (int i = 0; i < n; i++) {
                feeds[i] = new InstrumentFeed(universe.get(i), config.densityScale(), root);
                vols[i] = latent.secondVol(i);
            }
        }

        /** Emits the next one-second window's events; false once the simulated period is over. */
        boolean nextWindow(Consumer<? super MarketEvent> sink) {
            if (window == windows) {
                return false;
            }
            long from = config.startMicros() + window * MICROS_PER_SECOND;
            for (int i = 0; i < n; i++) {
                counts[i] = feeds[i].arrivals(from, from + MICROS_PER_SECOND, universe.get(i).hours().isOpen(from));
                next[i] = 0;
            }
            while (true) {
                int pick = -1;
                long best = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    if (next[i] < counts[i] && feeds[i].arrival(next[i]) < best) {
                        best = feeds[i].arrival(next[i]);
                        pick = i;
                    }
                }
                if (pick < 0) {
                    break;
                }
                next[pick]++;
                seq++;
                sink.accept(feeds[pick].next(seq, best, latent.logFair(pick), vols[pick]));
            }
            latent.step();
            window++;
            return true;
        }
    }
}
