package io.qps.core.market;

/**
 * One market-data event of a session. Events are totally ordered by {@link #seq()}: a dense global
 * sequence (1, 2, 3, ...) assigned in dataset order (event time, then instrument id, then source order).
 * Timestamps are microseconds since the Unix epoch (UTC) and never decrease along {@code seq}.
 */
public sealed interface MarketEvent permits Quote, Trade, BookUpdate {
    /** Global sequence number, dense from 1. */
    long seq();

    /** Event time, microseconds since the epoch. */
    long timestampMicros();

    /** The instrument's {@code id} in the session's universe. */
    int instrument();

    /** Best bid price after this event, or 0 if the event carries no book (a trade). */
    long bestBid();

    /** Best ask price after this event, or 0 if the event carries no book (a trade). */
    long bestAsk();

    /** Whether this event replaces the instrument's visible book (a quote or a book update). */
    default boolean isBook() {
        return !(this instanceof Trade);
    }
}
