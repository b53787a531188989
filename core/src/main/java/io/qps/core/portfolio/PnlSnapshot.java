package io.qps.core.portfolio;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;

/**
 * One point of an equity curve: a strategy's (or the whole portfolio's) PnL as of the event-time
 * boundary {@code boundaryMicros}, reflecting every event with a timestamp before it. Emitted when the
 * first event at or after the boundary arrives ({@code seq}); all money values in {@code Money} units.
 *
 * <p>Causal key: {@code (seq, book, sub)} where {@code book} is a strategy code or {@link #TOTAL} and
 * {@code sub} numbers the boundaries that one event crossed.
 *
 * @param unrealizedPnl open positions marked to mid minus their cost basis
 * @param totalPnl {@code realizedPnl + unrealizedPnl - fees}
 * @param grossExposure sum over instruments of the absolute marked value of the open position
 */
public record PnlSnapshot(long seq, String book, int sub, long boundaryMicros, long realizedPnl,
                          long unrealizedPnl, long fees, long totalPnl, long grossExposure, long fills)
        implements OutputRecord {

    /** The book name of the whole portfolio's snapshot. */
    public static final String TOTAL = "TOTAL";

    @Override
    public CausalKey key() {
        return new CausalKey(seq, book, sub);
    }

    @Override
    public String canonical() {
        return key().canonical() + "|" + boundaryMicros + "|" + realizedPnl + "|" + unrealizedPnl + "|" + fees
                + "|" + totalPnl + "|" + grossExposure + "|" + fills;
    }
}
