package io.qps.core.instrument;

/** Formatting and parsing of fixed-point decimals held as {@code long} with a given number of decimals. */
public final class Fixed {
    private Fixed() {
    }

    /** {@code format(123456, 2)} is {@code "1234.56"}; {@code format(-5, 3)} is {@code "-0.005"}. */
    public static String format(long raw, int decimals) {
        if (decimals == 0) {
            return Long.toString(raw);
        }
        String sign = raw < 0 ? "-" : "";
        String digits = raw == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(raw));
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        return sign + digits.substring(0, point) + "." + digits.substring(point);
    }

    /** Parses a decimal string into raw units of {@code decimals} places; more places than that is an error. */
    public static long parse(String text, int decimals) {
        String s = text.trim();
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (frac.length() > decimals || (whole.isEmpty() && frac.isEmpty())
                || !(whole + frac).chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException("not a decimal with at most " + decimals + " places: '" + text + "'");
        }
        long value = Math.multiplyExact(whole.isEmpty() ? 0L : Long.parseLong(whole), Money.pow10(decimals));
        if (!frac.isEmpty()) {
            long f = Long.parseLong(frac) * Money.pow10(decimals - frac.length());
            value = Math.addExact(value, f);
        }
        return negative ? -value : value;
    }
}
