package io.qps.core.sim;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.Arrays;

/**
 * One instrument's market: Poisson arrivals and, for each arrival, a book (or quote) update or a
 * trade. The displayed mid chases the latent fair value, closing half of the gap per update, so it
 * lags; the remaining gap tilts the top three levels' sizes (more bid than ask size when fair value
 * is above the mid) and the aggressor side of trades, so book imbalance predicts the next mid move.
 * All prices are whole ticks and all sizes whole lots. Not thread-safe.
 */
final class InstrumentFeed {
    /** Levels per side of a depth (L2) instrument. */
    static final int DEPTH_LEVELS = 5;
    private static final double CATCH_UP = 0.5;
    private static final double SIZE_TILT = 0.6;
    private static final double AGGRESSOR_TILT = 0.3;
    private static final double SPREAD_CHANGE = 0.2;
    private static final double TRADE_THROUGH = 0.08;

    private final Instrument instrument;
    private final InstrumentProfile profile;
    private final SplitMix64 arrivalRng;
    private final SplitMix64 bookRng;
    private final double ticksPerUnit;
    private final double meanGapMicros;
    private final int levels;
    private final long[] bidTicks;
    private final long[] askTicks;
    private final long[] bidLots;
    private final long[] askLots;
    private long[] arrivals = new long[32];
    private int arrivalCount;
    private long nextArrival = Long.MIN_VALUE;
    private boolean open;
    private boolean bookShown;
    private long bestBid;
    private int spread;

    InstrumentFeed(Instrument instrument, double densityScale, SplitMix64 root) {
        this.instrument = instrument;
        this.profile = InstrumentProfile.forInstrument(instrument);
        this.arrivalRng = root.split(200 + instrument.id());
        this.bookRng = root.split(300 + instrument.id());
        this.ticksPerUnit = Money.pow10(instrument.priceDecimals()) / (double) instrument.tickSize();
        this.meanGapMicros = 1e6 / (profile.eventRate() * densityScale);
        this.levels = instrument.hasDepth() ? DEPTH_LEVELS : 1;
        this.bidTicks = new long[levels];
        this.askTicks = new long[levels];
        this.bidLots = new long[levels];
        this.askLots = new long[levels];
        this.spread = profile.minSpreadTicks();
    }

    /**
     * Draws the arrival times in {@code [from, to)}; none while the market is closed. Reopening
     * restarts the arrival clock and makes the first event a fresh book at the fair value.
     */
    int arrivals(long from, long to, boolean isOpen) {
        arrivalCount = 0;
        if (!isOpen) {
            open = false;
            return 0;
        }
        if (!open) {
            open = true;
            bookShown = false;
            nextArrival = from + gapMicros();
        }
        while (nextArrival < to) {
            if (arrivalCount == arrivals.length) {
                arrivals = Arrays.copyOf(arrivals, arrivalCount * 2);
            }
            arrivals[arrivalCount++] = nextArrival;
            nextArrival += gapMicros();
        }
        return arrivalCount;
    }

    /** The {@code k}-th arrival time drawn by the last {@link #arrivals} call. */
    long arrival(int k) {
        return arrivals[k];
    }

    /** The event at {@code ts}, stamped {@code seq}, given the current latent log fair price and its volatility. */
    MarketEvent next(long seq, long ts, double logFair, double secondVol) {
        double fair = StrictMath.exp(logFair) * ticksPerUnit;
        double scale = Math.max(0.5, fair * secondVol);
        if (bookShown && bookRng.chance(profile.tradeFraction())) {
            return trade(seq, ts, StrictMath.tanh((fair - mid()) / scale));
        }
        moveBook(fair);
        double tilt = StrictMath.tanh((fair - mid()) / scale);
        fillLevels(tilt);
        bookShown = true;
        long tick = instrument.tickSize();
        long lot = instrument.lotSize();
        if (!instrument.hasDepth()) {
            return new Quote(seq, ts, instrument.id(), bidTicks[0] * tick, bidLots[0] * lot,
                    askTicks[0] * tick, askLots[0] * lot);
        }
        return new BookUpdate(seq, ts, instrument.id(), scaled(bidTicks, tick), scaled(bidLots, lot),
                scaled(askTicks, tick), scaled(askLots, lot));
    }

    private double mid() {
        return bestBid + spread / 2.0;
    }

    private void moveBook(double fair) {
        if (!bookShown) {
            spread = profile.minSpreadTicks() + bookRng.nextInt(profile.maxSpreadTicks() - profile.minSpreadTicks() + 1);
            bestBid = Math.max(1L, Math.round(fair - spread / 2.0));
            return;
        }
        double gap = fair - mid();
        if (bookRng.chance(SPREAD_CHANGE)) {
            int next = profile.minSpreadTicks()
                    + bookRng.nextInt(profile.maxSpreadTicks() - profile.minSpreadTicks() + 1);
            int delta = next - spread;
            boolean up = gap > 0;
            if ((delta > 0 && !up) || (delta < 0 && up)) {
                bestBid -= delta;
            }
            spread = next;
        }
        bestBid = Math.max(1L, bestBid + Math.round(CATCH_UP * (fair - mid())));
    }

    private void fillLevels(double tilt) {
        long base = profile.baseSizeLots();
        bidTicks[0] = bestBid;
        askTicks[0] = bestBid + spread;
        for (int k = 0; k < levels; k++) {
            if (k > 0) {
                bidTicks[k] = bidTicks[k - 1] - 1 - bookRng.nextInt(profile.maxLevelGapTicks());
                askTicks[k] = askTicks[k - 1] + 1 + bookRng.nextInt(profile.maxLevelGapTicks());
            }
            double depth = 1.0 + 0.3 * k;
            double lean = k < 3 ? SIZE_TILT * tilt : 0.0;
            bidLots[k] = lots(base * depth * (1.0 + lean));
            askLots[k] = lots(base * depth * (1.0 - lean));
        }
    }

    private long lots(double mean) {
        return Math.max(1L, Math.round(mean * StrictMath.exp(0.4 * bookRng.nextGaussian() - 0.08)));
    }

    private Trade trade(long seq, long ts, double tilt) {
        Side aggressor = bookRng.chance(0.5 + AGGRESSOR_TILT * tilt) ? Side.BUY : Side.SELL;
        boolean buy = aggressor == Side.BUY;
        long[] prices = buy ? askTicks : bidTicks;
        long topLots = (buy ? askLots : bidLots)[0];
        long priceTicks = prices[0];
        long sizeLots = Math.min(topLots, 1L + (long) bookRng.nextExponential(0.3 * profile.baseSizeLots()));
        if (bookRng.chance(TRADE_THROUGH)) {
            priceTicks = levels > 1 ? prices[1] : prices[0] + (buy ? 1 : -1);
            sizeLots = topLots + 1L + (long) bookRng.nextExponential(0.2 * profile.baseSizeLots());
        }
        return new Trade(seq, ts, instrument.id(), Math.max(1L, priceTicks) * instrument.tickSize(),
                sizeLots * instrument.lotSize(), aggressor);
    }

    /** A Poisson inter-arrival gap in whole microseconds, at least 1. */
    private long gapMicros() {
        return Math.max(1L, (long) arrivalRng.nextExponential(meanGapMicros));
    }

    private static long[] scaled(long[] units, long factor) {
        long[] out = new long[units.length];
        for (int i = 0; i < units.length; i++) {
            out[i] = Math.multiplyExact(units[i], factor);
        }
        return out;
    }
}
