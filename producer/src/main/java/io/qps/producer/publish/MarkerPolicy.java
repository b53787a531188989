package io.qps.producer.publish;

/**
 * When the publisher writes {@code PROGRESS} markers into every partition between the events (besides {@code START}
 * before the first and {@code END} after the last, which it always writes). Where markers fall decides only when a
 * reader may release its outputs, never what they are.
 *
 * @param everyEvents a round of markers after every this many events (at least 1)
 * @param everyMillis when publishing paced (not {@link Speed#MAX}): also a round once this many wall milliseconds
 *     have passed since the last one and some event was sent since (at least 1), so that a slow live session still
 *     advances every partition promptly
 */
public record MarkerPolicy(long everyEvents, long everyMillis) {
    /** {@code --progress-every} default. */
    public static final long DEFAULT_EVERY_EVENTS = 4096;
    /** {@code --progress-ms} default. */
    public static final long DEFAULT_EVERY_MILLIS = 10;
    /**
     * When paced: the event-time step of the clock rounds written while the publisher waits for its next event (one
     * second; every boundary of the engine's grid is a whole number of seconds, so a quiet partition crosses it when
     * the paced clock gets there).
     */
    public static final long CLOCK_MICROS = 1_000_000L;
    /** Every 4,096 events, and every 10 ms when paced. */
    public static final MarkerPolicy DEFAULTS = new MarkerPolicy(DEFAULT_EVERY_EVENTS, DEFAULT_EVERY_MILLIS);

    /** Validates the values. */
    public MarkerPolicy {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("--progress-every must be at least 1 event, was " + everyEvents);
        }
        if (everyMillis < 1) {
            throw new IllegalArgumentException("--progress-ms must be at least 1 ms, was " + everyMillis);
        }
    }
}
