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
 * instrument, and the agreement between top-3-level book imbalance and the next mid change.
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
    private final double[] pendingImbalance;
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
        pendingImbalance = new double[n];
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
        if (lastMid[i] != 0 && mid != lastMid[i] && pendingImbalance[i] != 0) {
            imbalanceTotal[i]++;
            if (Math.signum(mid - lastMid[i]) == Math.signum(pendingImbalance[i])) {
                imbalanceAgree[i]++;
            }
            pendingImbalance[i] = 0;
        }
        if (mid != lastMid[i] || pendingImbalance[i] == 0) {
            pendingImbalance[i] = imbalance;
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
}
