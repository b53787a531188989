package io.qps.verify.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.stats.EquityCurve;
import io.qps.core.stats.PerformanceCalculator;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.stats.StatsConfig;
import io.qps.core.strategy.StrategyId;
import io.qps.verify.ResultsDocuments;
import io.qps.verify.StatisticsJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The data a report shows, as one JSON object inlined into the page: per book the equity and underwater curves
 * (every 60 s sample, dollars), the hourly return series ({@link ReturnSeries}), the core's statistics, the first
 * fills of each strategy and the replication verdict taken from {@code results_detailed.json}. Money is converted
 * to dollars as a double here: display only, the exact figures are in the results documents.
 */
public final class ReportData {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportData() {
    }

    /** The report's data object. */
    public static ObjectNode of(ReportInput in) {
        List<StrategyId> strategies = List.copyOf(in.config().strategies().enabled());
        PerformanceCalculator calculator = new PerformanceCalculator(in.universe(), in.config().stats(),
                in.config().portfolio().sampleIntervalMicros());
        Map<String, PerformanceStats> stats = calculator.compute(strategies, in.run().fills(), in.run().positions(),
                in.run().pnl());
        ObjectNode root = NODES.objectNode();
        root.put("session", in.session());
        root.put("run", in.run().run());
        root.put("digest", in.run().canonical().digest());
        root.put("pnl_definition", StatsConfig.PNL_DEFINITION);
        root.set("conventions", StatisticsJson.conventions(in.config()));
        List<String> names = new ArrayList<>();
        List<ReturnSeries.Book> books = new ArrayList<>();
        ArrayNode curves = root.putArray("books");
        for (String book : stats.keySet()) {
            EquityCurve curve = EquityCurve.of(book, in.run().pnl());
            names.add(book);
            books.add(new ReturnSeries.Book(curve, calculator.capital(book, strategies.size())));
            curves.add(curves(curve));
        }
        ReturnSeries hourly = new ReturnSeries(books, in.config().stats().periodsPerYearDays());
        List<String> strategyNames = names.subList(0, strategies.size());
        ObjectNode returns = root.putObject("hourly");
        returns.put("hours", hourly.hours());
        returns.put("rolling_window_hours", hourly.rollingWindow());
        returns.set("rolling_sharpe", hourly.rollingSharpe());
        returns.set("histogram", hourly.histogram(strategyNames));
        returns.set("correlation", hourly.correlation(strategyNames));
        ArrayNode table = root.putArray("statistics");
        stats.forEach((book, s) -> table.addObject().put("book", book).setAll(StatisticsJson.of(s)));
        root.set("fills", fills(in, strategies));
        root.set("replication", replication(in.verification()));
        return root;
    }

    private static ObjectNode curves(EquityCurve curve) {
        ObjectNode o = NODES.objectNode();
        o.put("book", curve.book());
        ArrayNode equity = o.putArray("equity");
        ArrayNode underwater = o.putArray("underwater");
        long[] drawdown = curve.underwater();
        for (int i = 0; i < drawdown.length; i++) {
            PnlSnapshot s = curve.samples().get(i);
            long ms = s.boundaryMicros() / 1000;
            equity.addArray().add(ms).add(dollars(s.totalPnl()));
            underwater.addArray().add(ms).add(-dollars(drawdown[i]));
        }
        return o;
    }

    /** The first {@code maxFills} fills of each strategy, merged in causal-key order. */
    private static ObjectNode fills(ReportInput in, List<StrategyId> strategies) {
        Map<StrategyId, Integer> shown = new EnumMap<>(StrategyId.class);
        ObjectNode o = NODES.objectNode();
        o.put("limit", in.maxFills());
        o.put("total", in.run().fills().size());
        ArrayNode names = o.putArray("strategies");
        strategies.forEach(s -> names.add(s.code()));
        ArrayNode rows = o.putArray("rows");
        for (FillEvent f : in.run().fills()) {
            int n = shown.merge(f.strategy(), 1, Integer::sum);
            if (n > in.maxFills()) {
                continue;
            }
            Instrument instrument = in.universe().get(f.instrument());
            rows.addObject().put("seq", f.seq())
                    .put("time", Instant.ofEpochSecond(0, f.timestampMicros() * 1000).toString())
                    .put("strategy", f.strategy().code()).put("symbol", f.symbol()).put("side", f.side().name())
                    .put("quantity", instrument.formatQty(f.quantity()))
                    .put("price", instrument.formatPrice(f.price())).put("liquidity", f.liquidity().name())
                    .put("fee", ResultsDocuments.dollars(f.fee()).toPlainString());
        }
        return o;
    }

    /** The verdict, digests, comparisons and first divergences of {@code results_detailed.json}. */
    private static ObjectNode replication(JsonNode detailed) {
        ObjectNode o = NODES.objectNode();
        if (detailed == null) {
            o.put("verdict", "NOT VERIFIED");
            return o;
        }
        for (String field : List.of("verdict", "pnl_match", "runs", "digests", "comparisons", "divergences",
                "provenance")) {
            if (detailed.has(field)) {
                o.set(field, detailed.get(field).deepCopy());
            }
        }
        return o;
    }

    private static double dollars(long money) {
        return (double) money / Money.ONE;
    }
}
