package io.qps.cli.report;

import io.qps.core.instrument.Money;
import io.qps.core.stats.PerformanceStats;
import java.io.PrintWriter;
import java.util.Map;

/** Prints per-book statistics as an aligned text table. */
public final class StatsTable {
    private StatsTable() {
    }

    public static void print(PrintWriter out, Map<String, PerformanceStats> stats) {
        out.printf("%-20s %7s %7s %14s %12s %14s %7s %7s %12s %6s %6s %8s%n", "book", "trips", "fills", "realized",
                "fees", "total pnl", "sharpe", "sortino", "max dd", "hit", "pf", "turnover");
        for (PerformanceStats s : stats.values()) {
            out.printf("%-20s %7d %7d %14s %12s %14s %7.2f %7.2f %12s %6.2f %6s %8.2f%n", s.book(), s.roundTrips(),
                    s.fills(), dollars(s.realizedPnl()), dollars(s.fees()), dollars(s.totalPnl()), s.sharpe(),
                    s.sortino(), dollars(s.maxDrawdown()), s.hitRate(), ratio(s.profitFactor()), s.turnover());
        }
    }

    /** Whole dollars with thousands separators (money is exact; this is display only). */
    static String dollars(long money) {
        return String.format("%,d", Math.floorDiv(money, Money.ONE));
    }

    private static String ratio(double value) {
        return Double.isInfinite(value) ? "inf" : String.format("%.2f", value);
    }
}
