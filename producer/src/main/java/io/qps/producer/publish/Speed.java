package io.qps.producer.publish;

import java.util.Locale;

/**
 * How fast to publish, in event time: a multiple of real time ({@code 1} = as the events happened, {@code 60} = one
 * event-hour per wall minute) or {@link #MAX} (as fast as the broker takes them).
 *
 * @param factor event-time seconds per wall second; {@code Double.POSITIVE_INFINITY} for {@link #MAX}
 */
public record Speed(double factor) {
    /** As fast as possible. */
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    /** @throws IllegalArgumentException unless {@code factor} is positive (or infinite) */
    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be positive or 'max', was " + factor);
        }
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
        return isMax() ? "max" : factor + "x";
    }
}
