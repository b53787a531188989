package io.qps.core.engine;

import io.qps.core.instrument.Fixed;
import io.qps.core.instrument.Money;
import io.qps.core.strategy.StrategyId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one configuration field is written in a parameters file ({@link EngineConfigFile}): chosen from the record
 * component's type and name, with one canonical text form per value.
 */
enum ValueKind {
    STRING, INT, LONG, DOUBLE, DURATION, MONEY, SYMBOLS, STRATEGIES;

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+(?:_\\d+)*)(us|ms|s|m|h|d)");
    private static final String[] UNITS = {"d", "h", "m", "s", "ms", "us"};
    private static final long[] UNIT_MICROS = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L, 1_000L, 1L};
    private static final int BPS_DECIMALS = 2;

    /** The kind of a record component, or an exception when the format has no text form for its type. */
    static ValueKind of(RecordComponent c) {
        Class<?> t = c.getType();
        String name = c.getName();
        if (t == String.class) {
            return STRING;
        } else if (t == int.class) {
            return INT;
        } else if (t == double.class) {
            return DOUBLE;
        } else if (t == long.class) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.endsWith("Micros")) {
                return DURATION;
            }
            return lower.contains("notional") || lower.startsWith("capital") ? MONEY : LONG;
        } else if (t == List.class && typeArgument(c) == String.class) {
            return SYMBOLS;
        } else if (t == Set.class && typeArgument(c) == StrategyId.class) {
            return STRATEGIES;
        }
        throw new IllegalStateException("the engine configuration format has no text form for "
                + c.getDeclaringRecord().getSimpleName() + "." + name + " (" + c.getGenericType() + ")");
    }

    /** The key of the component within its section: its name in snake_case, without the unit of a duration. */
    String key(RecordComponent c) {
        String name = c.getName();
        return snake(this == DURATION ? name.substring(0, name.length() - "Micros".length()) : name);
    }

    String format(Object value) {
        return switch (this) {
            case STRING, INT, LONG -> value.toString();
            case DOUBLE -> Double.toString((Double) value);
            case DURATION -> formatDuration((Long) value);
            case MONEY -> stripZeros(Money.format((Long) value));
            case SYMBOLS -> String.join(",", asStrings(value));
            case STRATEGIES -> {
                List<String> codes = new ArrayList<>();
                for (Object id : (Set<?>) value) {
                    codes.add(((StrategyId) id).code());
                }
                yield String.join(",", codes);
            }
        };
    }

    /** Parses {@code text}; {@code where} ("line 4: key=value") prefixes the message of a bad value. */
    Object parse(String text, String where) {
        try {
            return switch (this) {
                case STRING -> {
                    if (text.isEmpty()) {
                        throw new IllegalArgumentException("expected a name");
                    }
                    yield text;
                }
                case INT -> Math.toIntExact(whole(text));
                case LONG -> whole(text);
                case DOUBLE -> {
                    if (!DECIMAL.matcher(text).matches()) {
                        throw new IllegalArgumentException("expected a decimal number such as 2.5");
                    }
                    yield Double.parseDouble(text);
                }
                case DURATION -> parseDuration(text);
                case MONEY -> {
                    try {
                        yield Fixed.parse(text.replace("_", ""), Money.DECIMALS);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected dollars with at most 6 decimal places (e.g. 2500.50)");
                    }
                }
                case SYMBOLS -> list(text);
                case STRATEGIES -> {
                    Set<StrategyId> ids = EnumSet.noneOf(StrategyId.class);
                    for (String code : list(text)) {
                        if (!ids.add(StrategyId.fromCode(code))) {
                            throw new IllegalArgumentException(code + " listed twice");
                        }
                    }
                    yield ids;
                }
            };
        } catch (ArithmeticException e) {
            throw new EngineConfigException(where + ": out of range");
        } catch (IllegalArgumentException e) {
            throw new EngineConfigException(where + ": " + e.getMessage());
        }
    }

    static String formatBps(long centiBps) {
        return stripZeros(Fixed.format(centiBps, BPS_DECIMALS));
    }

    static long parseBps(String text, String where) {
        try {
            return Fixed.parse(text, BPS_DECIMALS);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new EngineConfigException(where + "=" + text + ": not basis points with at most 2 decimal places"
                    + " (e.g. 0.5)");
        }
    }

    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('_').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    static String formatDuration(long micros) {
        if (micros == 0) {
            return "0s";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (micros % UNIT_MICROS[i] == 0) {
                return micros / UNIT_MICROS[i] + UNITS[i];
            }
        }
        throw new AssertionError("every whole number of microseconds has a unit");
    }

    static long parseDuration(String text) {
        Matcher m = DURATION_TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a whole number and a unit: us, ms, s, m, h or d (e.g. 5m)");
        }
        long n = Long.parseLong(m.group(1).replace("_", ""));
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equals(m.group(2))) {
                return Math.multiplyExact(n, UNIT_MICROS[i]);
            }
        }
        throw new AssertionError("the pattern admits only known units");
    }

    private static long whole(String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("expected a whole number");
        }
        return Long.parseLong(text.replace("_", ""));
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text.isBlank()) {
            return items;
        }
        for (String item : text.split(",", -1)) {
            String s = item.strip();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty item in the list");
            }
            items.add(s);
        }
        return items;
    }

    private static String stripZeros(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static List<String> asStrings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            out.add((String) o);
        }
        return out;
    }

    private static Class<?> typeArgument(RecordComponent c) {
        if (c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> arg) {
            return arg;
        }
        return Object.class;
    }
}
