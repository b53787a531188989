package io.qps.core.stats;

import io.qps.core.portfolio.PositionRecord;
import java.util.TreeMap;

/**
 * Cuts each (strategy, instrument) position history into round trips: a trip opens when the
 * position leaves zero and closes when it returns to zero or changes sign (the flipping fill closes
 * the old trip and opens the new one). A trip's PnL is its change of realized PnL minus fees.
 */
final class RoundTripTracker {
    private record Open(long realized, long fees) {
    }

    private final TreeMap<String, Long> lastQuantity = new TreeMap<>();
    private final TreeMap<String, Open> open = new TreeMap<>();
    private long trips;
    private long wins;
    private long losses;
    private long grossWin;
    private long grossLoss;

    void onPosition(PositionRecord p) {
        String key = p.strategy().code() + "/" + p.symbol();
        long before = lastQuantity.getOrDefault(key, 0L);
        long after = p.quantity();
        lastQuantity.put(key, after);
        boolean closed = before != 0 && (after == 0 || Long.signum(after) != Long.signum(before));
        if (closed) {
            Open start = open.remove(key);
            long pnl = Math.subtractExact(Math.subtractExact(p.realizedPnl(), start.realized()),
                    Math.subtractExact(p.fees(), start.fees()));
            trips++;
            if (pnl > 0) {
                wins++;
                grossWin = Math.addExact(grossWin, pnl);
            } else if (pnl < 0) {
                losses++;
                grossLoss = Math.addExact(grossLoss, -pnl);
            }
        }
        if (after != 0 && (before == 0 || closed)) {
            open.put(key, new Open(p.realizedPnl(), p.fees()));
        }
    }

    long trips() {
        return trips;
    }

    /** Winning trips / trips; null without trips. */
    Double hitRate() {
        return trips == 0 ? null : (double) wins / trips;
    }

    /** Gross win / gross loss; null without a losing trip (the ratio is undefined, not infinite). */
    Double profitFactor() {
        return losses == 0 ? null : (double) grossWin / grossLoss;
    }
}
