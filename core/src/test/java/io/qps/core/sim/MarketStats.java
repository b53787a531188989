package io.qps.core.sim;

import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Trade;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Streams a simulation and keeps what the signal tests measure: counts, one-minute mids per
 * instrument, and the agreement between top-3-level book imbalance and the next mid change (every
 * book event's imbalance sign against the direction of the first mid change after it).
 */
final class MarketStats implements Consumer<MarketEvent> {
    final long startMicros;
    final long[] events;
    final long[] quotes;
    final long[] books;
    final long[] trades;
    /** Last mid (in price units, as a double) at the end of each minute, NaN where none yet. */
    final double[][] minuteMid;
    final long[] imbalanceAgree;
    final long[] imbalanceTotal;
    private final double[] lastMid;
    /** Book events since the last mid change whose top three levels held more bid (ask) size. */
    private final long[] pendingBidHeavy;
    private final long[] pendingAskHeavy;
    private long lastSeq;
    private long lastTs = Long.MIN_VALUE;
    boolean ordered = true;
    boolean onTickAndLots = true;
    final Universe universe;

    MarketStats(SimConfig cfg) {
        universe = cfg.universe();
        int n = universe.size();
        startMicros = cfg.startMicros();
        events = new long[n];
        quotes = new long[n];
        books = new long[n];
        trades = new long[n];
        minuteMid = new double[n][cfg.days() * 1440];
        for (double[] row : minuteMid) {
            Arrays.fill(row, Double.NaN);
        }
        imbalanceAgree = new long[n];
        imbalanceTotal = new long[n];
        lastMid = new double[n];
        pendingBidHeavy = new long[n];
        pendingAskHeavy = new long[n];
    }

    @Override
    public void accept(MarketEvent e) {
        int i = e.instrument();
        ordered &= e.seq() == lastSeq + 1 && e.timestampMicros() >= lastTs;
        lastSeq = e.seq();
        lastTs = e.timestampMicros();
        events[i]++;
        var in = universe.get(i);
        if (e instanceof Trade t) {
            trades[i]++;
            onTickAndLots &= in.isOnTick(t.price()) && in.isWholeLots(t.size()) && t.size() > 0;
            return;
        }
        double imbalance;
        if (e instanceof BookUpdate b) {
            books[i]++;
            double bid = 0;
            double ask = 0;
            for (int k = 0; k < 3; k++) {
                bid += b.bidSizes()[k];
                ask += b.askSizes()[k];
            }
            for (int k = 0; k < b.bidLevels(); k++) {
                onTickAndLots &= in.isOnTick(b.bidPrices()[k]) && in.isWholeLots(b.bidSizes()[k]) && b.bidSizes()[k] > 0
                        && in.isOnTick(b.askPrices()[k]) && in.isWholeLots(b.askSizes()[k]) && b.askSizes()[k] > 0
                        && (k == 0 || (b.bidPrices()[k] < b.bidPrices()[k - 1] && b.askPrices()[k] > b.askPrices()[k - 1]));
            }
            onTickAndLots &= b.bidLevels() == 5 && b.askLevels() == 5;
            imbalance = (bid - ask) / (bid + ask);
        } else {
            Quote q = (Quote) e;
            quotes[i]++;
            onTickAndLots &= in.isOnTick(q.bidPrice()) && in.isOnTick(q.askPrice()) && in.isWholeLots(q.bidSize())
                    && in.isWholeLots(q.askSize()) && q.bidSize() > 0 && q.askSize() > 0;
            imbalance = (double) (q.bidSize() - q.askSize()) / (q.bidSize() + q.askSize());
        }
        onTickAndLots &= e.bestBid() < e.bestAsk();
        double mid = (e.bestBid() + e.bestAsk()) / 2.0 / Math.pow(10, in.priceDecimals());
        if (lastMid[i] != 0 && mid != lastMid[i]) {
            boolean up = mid > lastMid[i];
            imbalanceAgree[i] += up ? pendingBidHeavy[i] : pendingAskHeavy[i];
            imbalanceTotal[i] += pendingBidHeavy[i] + pendingAskHeavy[i];
            pendingBidHeavy[i] = 0;
            pendingAskHeavy[i] = 0;
        }
        if (imbalance > 0) {
            pendingBidHeavy[i]++;
        } else if (imbalance < 0) {
            pendingAskHeavy[i]++;
        }
        lastMid[i] = mid;
        int minute = (int) ((e.timestampMicros() - startMicros) / 60_000_000L);
        minuteMid[i][minute] = mid;
    }

    double imbalanceAgreement(int i) {
        return imbalanceAgree[i] / (double) imbalanceTotal[i];
    }

    /** Log returns over {@code step} minutes ending at each minute m (NaN where either end is missing). */
    double[] logReturns(int i, int step) {
        double[] mids = minuteMid[i];
        double[] r = new double[mids.length];
        Arrays.fill(r, Double.NaN);
        for (int m = step; m < mids.length; m++) {
            if (!Double.isNaN(mids[m]) && !Double.isNaN(mids[m - step])) {
                r[m] = Math.log(mids[m] / mids[m - step]);
            }
        }
        return r;
    }

    /** Correlation of a[m - lag] with b[m] over the minutes where both exist. */
    static double laggedCorrelation(double[] a, double[] b, int lag) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        long n = 0;
        for (int m = lag; m < b.length; m++) {
            double x = a[m - lag];
            double y = b[m];
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                n++;
                sa += x;
                sb += y;
                saa += x * x;
                sbb += y * y;
                sab += x * y;
            }
        }
        double cov = sab / n - (sa / n) * (sb / n);
        return cov / Math.sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
    }

    /** The log spread {@code ln C - h ln X} on one-minute mids, and how it reverts. */
    record PairStats(int minutes, double mean, double sd, double halfLifeMinutes, int rollingExcursions) {
    }

    PairStats pair(int x, int c, double hedge) {
        double[] spread = new double[minuteMid[x].length];
        Arrays.fill(spread, Double.NaN);
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int m = 0; m < spread.length; m++) {
            double px = minuteMid[x][m];
            double pc = minuteMid[c][m];
            if (!Double.isNaN(px) && !Double.isNaN(pc)) {
                spread[m] = Math.log(pc) - hedge * Math.log(px);
                sum += spread[m];
                sumSq += spread[m] * spread[m];
                n++;
            }
        }
        double mean = sum / n;
        double sxy = 0;
        double sxx = 0;
        for (int m = 1; m < spread.length; m++) {
            if (!Double.isNaN(spread[m]) && !Double.isNaN(spread[m - 1])) {
                sxy += (spread[m] - mean) * (spread[m - 1] - mean);
                sxx += (spread[m - 1] - mean) * (spread[m - 1] - mean);
            }
        }
        return new PairStats(n, mean, Math.sqrt(sumSq / n - mean * mean), Math.log(0.5) / Math.log(sxy / sxx),
                rollingExcursions(spread, 60));
    }

    /**
     * Donchian breakouts on five-minute closes: a close above the highest (below the lowest) of the
     * previous {@code channel} closes; returns {breakouts, how many moved further the breakout's way
     * over the next {@code horizon} bars}.
     */
    long[] donchianBreakouts(int i, int channel, int horizon) {
        double[] close = fiveMinuteCloses(i);
        long breakouts = 0;
        long hits = 0;
        for (int b = channel; b + horizon < close.length; b++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int j = b - channel; j < b; j++) {
                hi = Math.max(hi, close[j]);
                lo = Math.min(lo, close[j]);
            }
            int dir = close[b] > hi ? 1 : close[b] < lo ? -1 : 0;
            if (dir != 0 && !Double.isNaN(hi + lo + close[b] + close[b + horizon])) {
                breakouts++;
                hits += dir * (close[b + horizon] - close[b]) > 0 ? 1 : 0;
            }
        }
        return new long[] {breakouts, hits};
    }

    private double[] fiveMinuteCloses(int i) {
        double[] mids = minuteMid[i];
        double[] close = new double[mids.length / 5];
        for (int b = 0; b < close.length; b++) {
            close[b] = mids[b * 5 + 4];
        }
        return close;
    }

    /** Variance of 1-hour returns over 12 times that of 5-minute returns: 1 for a random walk, more when trending. */
    double varianceRatio(int i) {
        return meanSquare(logReturns(i, 60), 60) / (12 * meanSquare(logReturns(i, 5), 5));
    }

    private static double meanSquare(double[] r, int step) {
        double s = 0;
        int n = 0;
        for (int m = 0; m < r.length; m += step) {
            if (!Double.isNaN(r[m])) {
                s += r[m] * r[m];
                n++;
            }
        }
        return s / n;
    }

    /** Times a rolling z-score (window minutes) leaves +-2 after having come back inside +-0.5. */
    private static int rollingExcursions(double[] s, int window) {
        int count = 0;
        boolean out = false;
        for (int m = window; m < s.length; m++) {
            double a = 0;
            double b = 0;
            int k = 0;
            for (int j = m - window; j < m; j++) {
                if (!Double.isNaN(s[j])) {
                    a += s[j];
                    b += s[j] * s[j];
                    k++;
                }
            }
            if (k < window / 2 || Double.isNaN(s[m])) {
                continue;
            }
            double mu = a / k;
            double z = (s[m] - mu) / Math.sqrt(b / k - mu * mu);
            if (!out && Math.abs(z) > 2) {
                count++;
                out = true;
            } else if (out && Math.abs(z) < 0.5) {
                out = false;
            }
        }
        return count;
    }
}
