package io.qps.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.cli.export.ExportRows.Cell;
import io.qps.cli.export.ExportRows.What;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.OrderType;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import io.qps.core.strategy.StrategyId;
import io.qps.verify.RunResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportRowsTest {
    private static final Universe U = Universe.standard();
    private final ExportRows rows = new ExportRows(U);

    @Test
    void aFillInReadableUnits() {
        FillEvent f = new FillEvent(2239, "ETH-USD", 0, 1_704_067_541_463_513L, StrategyId.ALPHA_5_ORDERBOOK, 1,
                "alpha_5_orderbook:ETH-USD:2221:0", Side.BUY, 45129, 229745, Liquidity.TAKER, 5_184_082, 41922, 2221);

        List<Cell> row = rows.fills(List.of(f)).get(0);

        assertThat(RowWriter.csv(row)).isEqualTo("2239,2024-01-01T00:05:41.463513Z,alpha_5_orderbook,ETH-USD,0,"
                + "alpha_5_orderbook:ETH-USD:2221:0,BUY,4.5129,2297.45,TAKER,5.184082,4.1922,2221");
        assertThat(RowWriter.json(row)).isEqualTo("{\"seq\":2239,\"time\":\"2024-01-01T00:05:41.463513Z\","
                + "\"strategy\":\"alpha_5_orderbook\",\"symbol\":\"ETH-USD\",\"sub\":0,"
                + "\"order_id\":\"alpha_5_orderbook:ETH-USD:2221:0\",\"side\":\"BUY\",\"quantity\":4.5129,"
                + "\"price\":2297.45,\"liquidity\":\"TAKER\",\"fee\":5.184082,\"remaining\":4.1922,"
                + "\"order_cause_seq\":2221}");
    }

    @Test
    void aMarketOrderHasNoLimitPrice() {
        OrderEvent o = new OrderEvent(7, StrategyId.ALPHA_2_BREAKOUT, "ES", 0, OrderEvent.Action.PLACED, "id", Side.SELL,
                2, OrderType.MARKET, 0, 1_704_067_200_000_000L);

        List<Cell> row = rows.orders(List.of(o)).get(0);

        assertThat(RowWriter.csv(row)).isEqualTo("7,alpha_2_breakout,ES,0,PLACED,id,SELL,2,MARKET,,2024-01-01T00:00:00Z");
        assertThat(RowWriter.json(row)).contains("\"limit_price\":null");
    }

    @Test
    void theEquityCurveIsTheTotalBookWithItsPeakAndDrawdown() {
        List<PnlSnapshot> pnl = List.of(snap("TOTAL", 60, 5), snap("alpha_1_pairs", 60, 9), snap("TOTAL", 120, 8),
                snap("TOTAL", 180, 3), snap("TOTAL", 240, 10));

        List<String> lines = rows.equity(pnl).stream().map(RowWriter::csv).toList();

        assertThat(lines).containsExactly(
                "1970-01-01T00:01:00Z,0.000005,0.000005,0.000000,0.000000,0",
                "1970-01-01T00:02:00Z,0.000008,0.000008,0.000000,0.000000,0",
                "1970-01-01T00:03:00Z,0.000003,0.000008,0.000005,0.000000,0",
                "1970-01-01T00:04:00Z,0.000010,0.000010,0.000000,0.000000,0");
    }

    @Test
    void everyKindFormatsAWholeRunOneRowPerRecordWithACsvHeader() {
        SimConfig sim = SimConfig.defaults(9, 1).withDensity(0.02);
        List<MarketEvent> events = new ArrayList<>();
        new MarketSimulator(sim).run(events::add);
        RunResults run = RunResults.reference(ReferenceRun.run(sim.universe(), EngineConfig.defaults(), events));
        assertThat(run.fills()).isNotEmpty();

        assertThat(rows.rows(What.ORDERS, run)).hasSize(run.orders().size());
        assertThat(rows.rows(What.FILLS, run)).hasSize(run.fills().size());
        assertThat(rows.rows(What.POSITIONS, run)).hasSize(run.positions().size());
        assertThat(rows.rows(What.PNL, run)).hasSize(run.pnl().size());
        assertThat(rows.rows(What.EQUITY, run)).hasSize((int) run.pnl().stream().filter(p -> p.book().equals("TOTAL")).count());
        StringWriter text = new StringWriter();
        RowWriter.write(new PrintWriter(text), RowWriter.Format.CSV, rows.rows(What.POSITIONS, run));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("seq,strategy,symbol,sub,quantity,cost_basis,average_price,realized_pnl,fees,cash");
        assertThat(lines).hasSize(run.positions().size() + 1);
        var first = run.positions().get(0);
        assertThat(lines.get(1)).startsWith(first.seq() + "," + first.strategy().code() + "," + first.symbol() + ",")
                .contains("," + U.require(first.symbol()).formatQty(first.quantity()) + ",");
    }

    private static PnlSnapshot snap(String book, long minute, long total) {
        return new PnlSnapshot(minute, book, 0, minute * 1_000_000L, 0, 0, 0, total, 0, 0);
    }
}
