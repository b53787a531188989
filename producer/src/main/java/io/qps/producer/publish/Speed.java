package io.qps.producer.publish;

import java.util.Locale;

/**
 * How fast to publish, in event time: a multiple of real time ({@code 1} = as the events happened, {@code 60} = one
 * event-hour per wall minute) or {@link #MAX} (as fast as the broker takes them), optionally after a warm-up: the
 * events of the first {@code warmupMicros} of event time go out at full speed, and pacing starts at the first event
 * after them (a paced run that begins where the strategies already have their history).
 *
 * @param factor event-time seconds per wall second; {@code Double.POSITIVE_INFINITY} for {@link #MAX}
 * @param warmupMicros event time published at full speed before pacing starts; 0 for none
 */
public record Speed(double factor, long warmupMicros) {
    /** As fast as possible. */
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    /** @throws IllegalArgumentException unless {@code factor} is positive (or infinite) and the warm-up is not negative */
    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be positive or 'max', was " + factor);
        }
        if (warmupMicros < 0) {
            throw new IllegalArgumentException("the warm-up must not be negative, was " + warmupMicros + " µs");
        }
    }

    /** A speed without warm-up. */
    public Speed(double factor) {
        this(factor, 0);
    }

    /** This speed after {@code micros} of event time published at full speed. */
    public Speed withWarmup(long micros) {
        return new Speed(factor, micros);
    }

    /** Whether this is {@link #MAX}. */
    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /**
     * Parses {@code max}, {@code 10}, {@code 2.5} or {@code 10x}.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Speed parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        String number = t.endsWith("x") ? t.substring(0, t.length() - 1) : t;
        double f;
        try {
            f = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid speed '" + text + "': use 'max' or a positive multiple of"
                    + " real time such as 1, 60 or 2.5", e);
        }
        if (!(f > 0) || Double.isInfinite(f) || Double.isNaN(f)) {
            throw new IllegalArgumentException("invalid speed '" + text + "': it must be a positive multiple of"
                    + " real time, or 'max'");
        }
        return new Speed(f);
    }

    @Override
    public String toString() {
        String pace = isMax() ? "max" : factor + "x";
        return warmupMicros == 0 || isMax() ? pace : pace + " after " + warmupMicros / 1_000_000 + " s at max";
    }
}
