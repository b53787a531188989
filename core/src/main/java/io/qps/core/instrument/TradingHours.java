package io.qps.core.instrument;

/**
 * When an instrument's market is open, in UTC event time. The simulator emits events only while a
 * market is open; the cross-asset strategy skips closed markets. A pure function of the timestamp.
 */
public enum TradingHours {
    /** Crypto: every second of every day. */
    ALWAYS,
    /** Spot FX: Monday 00:00 to Friday 22:00 UTC (a simplified week). */
    FX_WEEK,
    /** US equities: 14:30 to 21:00 UTC, Monday to Friday. */
    US_EQUITY,
    /** Index futures: Monday to Friday, closed 21:00 to 22:00 UTC each day. */
    FUTURES;

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    /** 1970-01-01 was a Thursday: day index 0 maps to Thursday (3 when Monday is 0). */
    private static final int EPOCH_WEEKDAY = 3;

    /** Whether the market is open at {@code timestampMicros} (microseconds since the Unix epoch, UTC). */
    public boolean isOpen(long timestampMicros) {
        long day = Math.floorDiv(timestampMicros, MICROS_PER_DAY);
        int weekday = (int) Math.floorMod(day + EPOCH_WEEKDAY, 7L); // 0 = Monday
        long minute = Math.floorMod(timestampMicros, MICROS_PER_DAY) / MICROS_PER_MINUTE;
        boolean weekday5 = weekday < 5;
        return switch (this) {
            case ALWAYS -> true;
            case FX_WEEK -> weekday < 4 || (weekday == 4 && minute < 22 * 60);
            case US_EQUITY -> weekday5 && minute >= 14 * 60 + 30 && minute < 21 * 60;
            case FUTURES -> weekday5 && (minute < 21 * 60 || minute >= 22 * 60);
        };
    }
}
