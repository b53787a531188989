package io.qps.cli.export;

import io.qps.core.data.TickCsv;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.RejectEvent;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.verify.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's output records as rows in readable units: times ISO-8601 UTC, prices and quantities as decimals in the
 * instrument's places, money as exact dollars (6 places, micro-dollars being the unit). Rows come in the order given
 * (callers pass causal-key order). Pure: no Kafka.
 */
public final class ExportRows {
    /** What can be exported. */
    public enum What {
        ORDERS, FILLS, REJECTS, POSITIONS, PNL, EQUITY;

        /** The lower-case name used on the command line. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A cell: its text, and whether JSON writes it as a number (unquoted) or a string. */
    public record Cell(String name, String text, boolean number) {
    }

    private final Universe universe;

    public ExportRows(Universe universe) {
        this.universe = universe;
    }

    /** The rows of {@code what} from a run's results (records in causal-key order). */
    public List<List<Cell>> rows(What what, RunResults run) {
        return switch (what) {
            case ORDERS -> orders(run.orders());
            case FILLS -> fills(run.fills());
            case REJECTS -> rejects(run.rejects());
            case POSITIONS -> positions(run.positions());
            case PNL -> pnl(run.pnl());
            case EQUITY -> equity(run.pnl());
        };
    }

    public List<List<Cell>> orders(List<OrderEvent> orders) {
        List<List<Cell>> rows = new ArrayList<>();
        for (OrderEvent o : orders) {
            Instrument in = universe.require(o.symbol());
            rows.add(List.of(num("seq", o.causeSeq()), str("strategy", o.strategy().code()), str("symbol", o.symbol()),
                    num("sub", o.sub()), str("action", o.action().name()), str("order_id", o.orderId()),
                    str("side", o.side().name()), dec("quantity", in.formatQty(o.quantity())),
                    str("type", o.type().name()), limit(in, o.type(), o.limitPrice()),
                    str("active_from", TickCsv.iso(o.activeFromMicros()))));
        }
        return rows;
    }

    public List<List<Cell>> fills(List<FillEvent> fills) {
        List<List<Cell>> rows = new ArrayList<>();
        for (FillEvent f : fills) {
            Instrument in = universe.require(f.symbol());
            rows.add(List.of(num("seq", f.seq()), str("time", TickCsv.iso(f.timestampMicros())),
                    str("strategy", f.strategy().code()), str("symbol", f.symbol()), num("sub", f.sub()),
                    str("order_id", f.orderId()), str("side", f.side().name()),
                    dec("quantity", in.formatQty(f.quantity())), dec("price", in.formatPrice(f.price())),
                    str("liquidity", f.liquidity().name()), money("fee", f.fee()),
                    dec("remaining", in.formatQty(f.remaining())), num("order_cause_seq", f.orderCauseSeq())));
        }
        return rows;
    }

    public List<List<Cell>> rejects(List<RejectEvent> rejects) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RejectEvent r : rejects) {
            Instrument in = universe.bySymbol(r.symbol()).orElse(null);
            String qty = in == null ? Long.toString(r.quantity()) : in.formatQty(r.quantity());
            rows.add(List.of(num("seq", r.causeSeq()), str("strategy", r.strategy().code()), str("symbol", r.symbol()),
                    num("sub", r.sub()), str("order_id", r.orderId()), str("side", r.side().name()), dec("quantity", qty),
                    str("type", r.type().name()), in == null ? num("limit_price", r.limitPrice())
                            : limit(in, r.type(), r.limitPrice()), str("reason", r.reason().name())));
        }
        return rows;
    }

    public List<List<Cell>> positions(List<PositionRecord> positions) {
        List<List<Cell>> rows = new ArrayList<>();
        for (PositionRecord p : positions) {
            Instrument in = universe.require(p.symbol());
            rows.add(List.of(num("seq", p.seq()), str("strategy", p.strategy().code()), str("symbol", p.symbol()),
                    num("sub", p.sub()), dec("quantity", in.formatQty(p.quantity())), money("cost_basis", p.costBasis()),
                    dec("average_price", in.formatPrice(p.averagePrice())), money("realized_pnl", p.realizedPnl()),
                    money("fees", p.fees()), money("cash", p.cash())));
        }
        return rows;
    }

    public List<List<Cell>> pnl(List<PnlSnapshot> pnl) {
        List<List<Cell>> rows = new ArrayList<>();
        for (PnlSnapshot s : pnl) {
            rows.add(List.of(num("seq", s.seq()), str("time", TickCsv.iso(s.boundaryMicros())), str("book", s.book()),
                    money("realized_pnl", s.realizedPnl()), money("unrealized_pnl", s.unrealizedPnl()),
                    money("fees", s.fees()), money("total_pnl", s.totalPnl()),
                    money("gross_exposure", s.grossExposure()), num("fills", s.fills())));
        }
        return rows;
    }

    /**
     * The equity curve: the portfolio's ({@code TOTAL}) samples in time order, with the running peak of total PnL and
     * the drawdown from it (money, non-negative).
     */
    public List<List<Cell>> equity(List<PnlSnapshot> pnl) {
        List<List<Cell>> rows = new ArrayList<>();
        long peak = 0;
        for (PnlSnapshot s : pnl) {
            if (!s.book().equals(PnlSnapshot.TOTAL)) {
                continue;
            }
            peak = rows.isEmpty() ? s.totalPnl() : Math.max(peak, s.totalPnl());
            rows.add(List.of(str("time", TickCsv.iso(s.boundaryMicros())), money("total_pnl", s.totalPnl()),
                    money("peak", peak), money("drawdown", Math.subtractExact(peak, s.totalPnl())),
                    money("gross_exposure", s.grossExposure()), num("fills", s.fills())));
        }
        return rows;
    }

    private static Cell limit(Instrument in, OrderType type, long price) {
        return type == OrderType.MARKET ? new Cell("limit_price", "", true) : dec("limit_price", in.formatPrice(price));
    }

    private static Cell str(String name, String text) {
        return new Cell(name, text, false);
    }

    private static Cell num(String name, long value) {
        return new Cell(name, Long.toString(value), true);
    }

    private static Cell dec(String name, String text) {
        return new Cell(name, text, true);
    }

    private static Cell money(String name, long micros) {
        return new Cell(name, Money.format(micros), true);
    }
}
