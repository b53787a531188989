package io.qps.core.instrument;

/**
 * Money in qps is a {@code long} count of micro-dollars (scale {@value #DECIMALS}). All arithmetic
 * is exact and overflow-checked; an overflow throws {@link ArithmeticException}, which is a broken
 * invariant, never a value to skip.
 */
public final class Money {
    /** Decimal places of every money amount (cash, PnL, fees, notional). */
    public static final int DECIMALS = 6;
    /** One dollar in money units. */
    public static final long ONE = 1_000_000L;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L
    };

    private Money() {
    }

    /** 10 to the power {@code n}, for 0 &le; n &le; 12. */
    public static long pow10(int n) {
        return POW10[n];
    }

    /** Formats a money amount as a plain decimal string with {@value #DECIMALS} places. */
    public static String format(long micros) {
        return Fixed.format(micros, DECIMALS);
    }

    /** {@code amount * rate / 10_000 / 100}, rounded up (toward positive infinity): fees are never understated. */
    public static long feeOf(long notional, long rateCentiBps) {
        long product = Math.multiplyExact(Math.abs(notional), rateCentiBps);
        return -Math.floorDiv(-product, 1_000_000L);
    }
}
