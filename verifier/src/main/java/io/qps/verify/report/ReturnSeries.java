package io.qps.verify.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.core.stats.EquityCurve;
import io.qps.core.stats.Ratios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report's return-based charts, on <b>hourly</b> returns (a run of a few days has too few daily returns for a
 * distribution or a correlation): each book's hourly returns from {@link EquityCurve#returns}, aligned on the union
 * of hours (an hour where a book has no sample has return 0), their histogram, a rolling Sharpe annualized by
 * {@code sqrt(days per year x 24)} over the trailing 24 hours (6 hours for a run shorter than three days, which
 * would otherwise have next to no points), and the correlation matrix of the strategies' hourly returns.
 */
final class ReturnSeries {
    static final int BINS = 30;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<Long> hours;
    private final Map<String, double[]> returns = new LinkedHashMap<>();
    private final double periodsPerYear;

    /** A book's curve and the capital its returns are on. */
    record Book(EquityCurve curve, long capital) {
    }

    /** @param books strategies first, TOTAL last */
    ReturnSeries(List<Book> books, int daysPerYear) {
        this.periodsPerYear = daysPerYear * 24.0;
        Map<String, TreeMap<Long, Double>> byBook = new LinkedHashMap<>();
        TreeSet<Long> all = new TreeSet<>();
        for (Book b : books) {
            TreeMap<Long, Double> m = new TreeMap<>();
            for (EquityCurve.PeriodReturn r : b.curve().returns(EquityCurve.HOUR_MICROS, b.capital())) {
                m.put(r.periodStartMicros(), r.value());
                all.add(r.periodStartMicros());
            }
            byBook.put(b.curve().book(), m);
        }
        this.hours = new ArrayList<>(all);
        byBook.forEach((book, m) -> {
            double[] r = new double[hours.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = m.getOrDefault(hours.get(i), 0.0);
            }
            returns.put(book, r);
        });
    }

    /** The rolling Sharpe's window: 24 hours, or 6 for a run of less than three days. */
    int rollingWindow() {
        return hours.size() >= 72 ? 24 : 6;
    }

    /** Rolling Sharpe per book: {@code [[hour ms, value or null], ...]}. */
    ObjectNode rollingSharpe() {
        ObjectNode o = NODES.objectNode();
        returns.forEach((book, r) -> {
            Double[] s = r.length < rollingWindow() ? new Double[r.length]
                    : Ratios.rollingSharpe(r, rollingWindow(), periodsPerYear);
            ArrayNode points = o.putArray(book);
            for (int i = 0; i < r.length; i++) {
                ArrayNode p = points.addArray();
                p.add(hours.get(i) / 1000);
                if (s[i] == null) {
                    p.addNull();
                } else {
                    p.add(s[i]);
                }
            }
        });
        return o;
    }

    /** Histogram of hourly returns in basis points, common bins, counts per book. */
    ObjectNode histogram(List<String> books) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String b : books) {
            for (double x : returns.get(b)) {
                min = Math.min(min, x * 10_000);
                max = Math.max(max, x * 10_000);
            }
        }
        ObjectNode o = NODES.objectNode();
        ArrayNode labels = o.putArray("bins_bp");
        ObjectNode counts = o.putObject("counts");
        if (min > max) {
            return o;
        }
        int bins = max == min ? 1 : BINS;
        double width = max == min ? 1 : (max - min) / bins;
        for (int i = 0; i < bins; i++) {
            labels.add(Math.round((min + (i + 0.5) * width) * 10) / 10.0);
        }
        for (String b : books) {
            long[] c = new long[bins];
            for (double x : returns.get(b)) {
                c[Math.min(bins - 1, (int) ((x * 10_000 - min) / width))]++;
            }
            ArrayNode a = counts.putArray(b);
            for (long n : c) {
                a.add(n);
            }
        }
        return o;
    }

    /** Pearson correlations of the books' hourly returns: {@code [[i, j, value or null], ...]}. */
    ObjectNode correlation(List<String> books) {
        ObjectNode o = NODES.objectNode();
        ArrayNode names = o.putArray("books");
        books.forEach(names::add);
        ArrayNode cells = o.putArray("cells");
        for (int i = 0; i < books.size(); i++) {
            for (int j = 0; j < books.size(); j++) {
                Double c = Ratios.correlation(returns.get(books.get(i)), returns.get(books.get(j)));
                ArrayNode cell = cells.addArray().add(i).add(j);
                if (c == null) {
                    cell.addNull();
                } else {
                    cell.add(Math.round(c * 1000) / 1000.0);
                }
            }
        }
        return o;
    }

    int hours() {
        return hours.size();
    }
}
