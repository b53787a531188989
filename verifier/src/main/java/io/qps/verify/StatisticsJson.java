package io.qps.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.core.engine.EngineConfig;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.stats.StatsConfig;

/**
 * The core's {@link PerformanceStats} as JSON, for {@code results_detailed.json} and the report: money as exact
 * dollar decimals, ratios as numbers, an undefined ratio as {@code null} (never a string), and the conventions they
 * follow.
 */
public final class StatisticsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StatisticsJson() {
    }

    /** One book's statistics. */
    public static ObjectNode of(PerformanceStats s) {
        ObjectNode st = NODES.objectNode();
        st.put("fills", s.fills());
        st.put("round_trips", s.roundTrips());
        st.set("total_pnl", NODES.numberNode(ResultsDocuments.dollars(s.totalPnl())));
        st.put("total_return", s.totalReturn());
        st.put("annualized_return", s.annualizedReturn());
        st.put("annualized_volatility", s.annualizedVolatility());
        st.put("sharpe", s.sharpe());
        st.put("sortino", s.sortino());
        st.put("calmar", s.calmar());
        st.put("sharpe_intraday_1m", s.sharpeIntraday());
        st.set("max_drawdown", NODES.numberNode(ResultsDocuments.dollars(s.maxDrawdown())));
        st.put("max_drawdown_pct", s.maxDrawdownPct());
        st.put("max_drawdown_duration_seconds", s.maxDrawdownDurationMicros() / 1_000_000L);
        st.put("exposure", s.exposure());
        st.put("hit_rate", s.hitRate());
        st.put("profit_factor", s.profitFactor());
        st.set("traded_notional", NODES.numberNode(ResultsDocuments.dollars(s.tradedNotional())));
        st.put("turnover", s.turnover());
        st.set("capital", NODES.numberNode(ResultsDocuments.dollars(s.capital())));
        st.put("days", s.days());
        st.put("periods", s.samples());
        return st;
    }

    /** The conventions of every figure {@link #of} writes, with the configured capital and year. */
    public static ObjectNode conventions(EngineConfig config) {
        ObjectNode c = NODES.objectNode();
        StatsConfig stats = config.stats();
        c.set("capital_per_strategy", NODES.numberNode(ResultsDocuments.dollars(stats.capitalPerStrategy())));
        c.put("days_per_year", stats.periodsPerYearDays());
        c.put("risk_free_rate", 0);
        c.put("return_period", "UTC day");
        c.put("equity_sample_seconds", config.portfolio().sampleIntervalMicros() / 1_000_000L);
        var lines = c.putArray("definitions");
        for (String line : StatsConfig.CONVENTIONS.split("\n")) {
            lines.add(line);
        }
        return c;
    }
}
