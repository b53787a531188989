package io.qps.producer.publish;

/**
 * Holds events back so that event time advances {@link Speed#factor()} times as fast as the wall clock: the event
 * at event time {@code t} is released no earlier than {@code wallStart + (t - firstEventTime) / factor}. The first
 * event sets both origins; with a warm-up ({@link Speed#warmupMicros()}), the events before the first event's time
 * plus the warm-up never wait, and the first event after it sets the origins. With {@link Speed#MAX} nothing ever
 * waits.
 */
public final class Pacer {
    /** Waits shorter than this are skipped (the next wait absorbs them), so bursts of events share one sleep. */
    static final long MIN_SLEEP_NANOS = 1_000_000L;

    private final Speed speed;
    private final PacingClock clock;
    private boolean started;
    private boolean seenFirst;
    private long firstEventMicros;
    private long wallOrigin;
    private long eventOriginMicros;

    /** @param speed the speed @param clock the wall clock */
    public Pacer(Speed speed, PacingClock clock) {
        this.speed = speed;
        this.clock = clock;
    }

    /**
     * The wall-clock deadline (in the clock's nanoseconds) of an event at {@code eventMicros}, once the origins are
     * set; {@link Long#MIN_VALUE} at {@link Speed#MAX}.
     */
    long deadline(long eventMicros) {
        if (speed.isMax()) {
            return Long.MIN_VALUE;
        }
        double wallNanos = (eventMicros - eventOriginMicros) * 1_000.0 / speed.factor();
        return wallOrigin + (long) wallNanos;
    }

    /**
     * The event time the paced clock shows now: the time of an event that would be due now. {@link Long#MIN_VALUE}
     * before pacing has started (and during the warm-up), {@link Long#MAX_VALUE} at {@link Speed#MAX}.
     */
    public long pacedMicros() {
        if (speed.isMax()) {
            return Long.MAX_VALUE;
        }
        if (!started) {
            return Long.MIN_VALUE;
        }
        return eventOriginMicros + (long) ((clock.nanoTime() - wallOrigin) * speed.factor() / 1_000.0);
    }

    /**
     * Waits until the event at {@code eventMicros} is due.
     *
     * @return nanoseconds waited (0 if none)
     */
    public long await(long eventMicros) throws InterruptedException {
        long wait = remainingNanos(eventMicros);
        if (wait == 0) {
            return 0;
        }
        clock.sleepNanos(wait);
        return wait;
    }

    /**
     * How long the event at {@code eventMicros} must still wait, without waiting: 0 when it is due, when the wait
     * is under {@link #MIN_SLEEP_NANOS}, at {@link Speed#MAX}, and for the first event (which sets the origins).
     * A caller that has other work while it waits (the publisher's timed progress markers) sleeps in slices and
     * asks again.
     */
    public long remainingNanos(long eventMicros) {
        if (speed.isMax()) {
            return 0;
        }
        if (!seenFirst) {
            seenFirst = true;
            firstEventMicros = eventMicros;
        }
        if (!started && eventMicros - firstEventMicros < speed.warmupMicros()) {
            return 0;
        }
        if (!started) {
            started = true;
            wallOrigin = clock.nanoTime();
            eventOriginMicros = eventMicros;
            return 0;
        }
        long wait = deadline(eventMicros) - clock.nanoTime();
        return wait < MIN_SLEEP_NANOS ? 0 : wait;
    }
}
