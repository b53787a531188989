package io.qps.producer.publish;

/** The wall clock as the publisher sees it: a monotonic reading and a way to wait. Tests inject their own. */
public interface PacingClock {
    /** Monotonic time in nanoseconds (any origin). */
    long nanoTime();

    /** Waits about {@code nanos} nanoseconds (no-op when not positive). */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The system clock: {@link System#nanoTime()} and {@link Thread#sleep(long, int)}. */
    static PacingClock system() {
        return new PacingClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                }
            }
        };
    }
}
