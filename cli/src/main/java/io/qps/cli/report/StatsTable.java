package io.qps.cli.report;

import io.qps.core.instrument.Money;
import io.qps.core.stats.PerformanceStats;
import java.io.PrintWriter;
import java.util.Map;

/** Prints per-book statistics as an aligned text table; an undefined ratio prints as {@code -}. */
public final class StatsTable {
    private static final double MICROS_PER_HOUR = 3_600_000_000.0;

    private StatsTable() {
    }

    public static void print(PrintWriter out, Map<String, PerformanceStats> stats) {
        out.printf("%-20s %6s %6s %12s %10s %12s %7s %7s %7s %7s %10s %6s %7s %5s %5s %5s %8s%n", "book", "trips",
                "fills", "realized", "fees", "pnl", "ann.ret", "vol", "sharpe", "sortino", "max dd", "dd%", "dd hrs",
                "expo", "hit", "pf", "turnover");
        for (PerformanceStats s : stats.values()) {
            out.printf("%-20s %6d %6d %12s %10s %12s %7s %7s %7s %7s %10s %6.2f %7.1f %5s %5s %5s %8.2f%n", s.book(),
                    s.roundTrips(), s.fills(), dollars(s.realizedPnl()), dollars(s.fees()), dollars(s.totalPnl()),
                    percent(s.annualizedReturn()), percent(s.annualizedVolatility()), ratio(s.sharpe()),
                    ratio(s.sortino()), dollars(s.maxDrawdown()), 100 * s.maxDrawdownPct(),
                    s.maxDrawdownDurationMicros() / MICROS_PER_HOUR, ratio(s.exposure()), ratio(s.hitRate()),
                    ratio(s.profitFactor()), s.turnover());
        }
    }

    /** Whole dollars with thousands separators (money is exact; this is display only). */
    public static String dollars(long money) {
        return String.format("%,d", Math.floorDiv(money, Money.ONE));
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format("%.2f", value);
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format("%.1f%%", 100 * value);
    }
}
