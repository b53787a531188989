package io.qps.cli.sweep;

import io.qps.core.instrument.Money;
import io.qps.core.stats.PerformanceStats;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one adapter between {@link PerformanceStats} and the sweep's tables: a column per record component (except
 * {@code book}), in declaration order, so a statistic added to the record appears in every table without a change
 * here. Names are snake_case; money fields (named after pnl, fees, drawdown, notional or capital, type {@code long})
 * print as exact decimal dollars, other {@code long}s as counts, {@code double}s with 4 decimals ({@code inf} or
 * {@code nan} where they are not finite).
 */
public final class StatsColumns {
    /** One column: its name and how to read it from a {@link PerformanceStats}. */
    public record Column(String name, RecordComponent component, boolean money) {
        /** The column's text for {@code stats}. */
        public String format(PerformanceStats stats) {
            Object v;
            try {
                v = component.getAccessor().invoke(stats);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            if (v instanceof Long l) {
                return money ? Money.format(l) : Long.toString(l);
            } else if (v instanceof Double d) {
                return d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.4f", d);
            }
            return String.valueOf(v);
        }

        /** The column's value as a number, for sorting and choosing. */
        public double numeric(PerformanceStats stats) {
            try {
                return ((Number) component.getAccessor().invoke(stats)).doubleValue();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("column " + name + " is not numeric", e);
            }
        }
    }

    private static final List<Column> ALL = columns();

    private StatsColumns() {
    }

    /** Every column, in the record's order. */
    public static List<Column> all() {
        return ALL;
    }

    /** The column called {@code name}, or an exception listing the names. */
    public static Column named(String name) {
        for (Column c : ALL) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no statistic '" + name + "'; known: "
                + ALL.stream().map(Column::name).toList());
    }

    private static List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (RecordComponent c : PerformanceStats.class.getRecordComponents()) {
            if (c.getName().equals("book")) {
                continue;
            }
            String lower = c.getName().toLowerCase(Locale.ROOT);
            boolean money = c.getType() == long.class && (lower.contains("pnl") || lower.contains("fees")
                    || lower.contains("drawdown") || lower.contains("notional") || lower.contains("capital"));
            out.add(new Column(snake(c.getName()), c, money));
        }
        return List.copyOf(out);
    }

    private static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            sb.append(Character.isUpperCase(ch) ? "_" + Character.toLowerCase(ch) : String.valueOf(ch));
        }
        return sb.toString();
    }
}
