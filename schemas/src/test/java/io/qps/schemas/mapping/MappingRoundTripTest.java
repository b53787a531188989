package io.qps.schemas.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.RejectEvent;
import io.qps.core.execution.RejectReason;
import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.TradingHours;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import io.qps.schemas.ExecutionReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core record to Avro and back gives an equal record; the Avro form spells out the core's causal key. */
class MappingRoundTripTest {

    @Test
    void marketEventsRoundTrip() {
        List<MarketEvent> events = List.of(
                new Quote(1, 100, 0, 4_325_017, 25_000, 4_325_018, 10_000),
                new Trade(2, 100, 1, 450_025, 3, Side.SELL),
                new BookUpdate(3, 150, 0, new long[] {10, 9}, new long[] {1, 2}, new long[] {11}, new long[] {7}));
        for (MarketEvent e : events) {
            io.qps.schemas.MarketEvent avro = MarketEventMapping.toAvro(e, "SYM");
            assertThat(avro.getSeq()).isEqualTo(e.seq());
            assertThat(avro.getSymbol()).isEqualTo("SYM");
            assertThat(MarketEventMapping.toCore(avro)).isEqualTo(e);
        }
        assertThat(MarketEventMapping.toAvro(events.get(2), "BTC-USD").getPayload())
                .isEqualTo(new io.qps.schemas.BookUpdate(List.of(10L, 9L), List.of(1L, 2L), List.of(11L), List.of(7L)));
    }

    @Test
    void progressMarkersRoundTripAndAreToldApartFromEvents() {
        List<ProgressMarker> markers = List.of(new ProgressMarker(ProgressMarker.Kind.START, 0, 1_704_067_200_000_123L),
                new ProgressMarker(ProgressMarker.Kind.PROGRESS, 4_096, 1_704_067_260_000_000L),
                new ProgressMarker(ProgressMarker.Kind.END, 2_442_329, 1_704_326_399_999_999L));
        for (ProgressMarker m : markers) {
            io.qps.schemas.MarketEvent avro = MarketEventMapping.toAvro(m, 5);
            assertThat(MarketEventMapping.isProgress(avro)).isTrue();
            assertThat(avro.getSeq()).isEqualTo(m.seq());
            assertThat(avro.getTimestampMicros()).isEqualTo(m.timestampMicros());
            assertThat(avro.getInstrument()).isEqualTo(-1);
            assertThat(avro.getSymbol()).isEmpty();
            assertThat(MarketEventMapping.partitionOf(avro)).isEqualTo(5);
            assertThat(MarketEventMapping.toProgress(avro)).isEqualTo(m);
            assertThatThrownBy(() -> MarketEventMapping.toCore(avro)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("progress marker of partition 5, not a market event");
        }
        io.qps.schemas.MarketEvent quote = MarketEventMapping.toAvro(new Quote(1, 100, 0, 10, 1, 11, 1), "SYM");
        assertThat(MarketEventMapping.isProgress(quote)).isFalse();
        assertThatThrownBy(() -> MarketEventMapping.toProgress(quote)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a progress marker");
        assertThatThrownBy(() -> MarketEventMapping.toAvro(markers.get(0), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instrumentsRoundTrip() {
        Instrument btc = new Instrument(0, "BTC-USD", AssetClass.CRYPTO, 2, 4, 1, 1, 1, "USD", true, TradingHours.ALWAYS);
        assertThat(MarketEventMapping.toCore(MarketEventMapping.toAvro(btc))).isEqualTo(btc);
        assertThat(MarketEventMapping.toAvro(btc).getHours()).isEqualTo("ALWAYS");
    }

    @Test
    void ordersFillsRejectsPositionsAndPnlRoundTripWithTheirCausalKeys() {
        OrderEvent order = new OrderEvent(3, StrategyId.ALPHA_1_PAIRS, "BTC-USD", 0, OrderEvent.Action.PLACED,
                "alpha_1_pairs:BTC-USD:3:0", Side.BUY, 2_500, OrderType.LIMIT, 4_325_017, 1_500);
        io.qps.schemas.OrderEvent avroOrder = OutputMapping.toAvro(order, "live");
        assertThat(avroOrder.getRun()).isEqualTo("live");
        assertThat(avroOrder.getSource()).isEqualTo("alpha_1_pairs/BTC-USD");
        assertThat(OutputMapping.toCore(avroOrder).canonical()).isEqualTo(order.canonical());
        assertThat(OutputMapping.toCore(avroOrder)).isEqualTo(order);

        FillEvent fill = new FillEvent(9, "BTC-USD", 0, 2_000, StrategyId.ALPHA_1_PAIRS, 0, "alpha_1_pairs:BTC-USD:3:0",
                Side.BUY, 2_500, 4_325_017, Liquidity.MAKER, -1_081, 0, 3);
        ExecutionReport fillReport = OutputMapping.report(fill, "replay-1");
        assertThat(((io.qps.schemas.FillEvent) fillReport.getReport()).getSource()).isEqualTo("BTC-USD");
        assertThat(OutputMapping.toCore(fillReport)).isEqualTo(fill);

        RejectEvent reject = new RejectEvent(4, StrategyId.ALPHA_5_ORDERBOOK, "ES", 1, "alpha_5_orderbook:ES:4:1",
                Side.SELL, 7, OrderType.MARKET, 0, RejectReason.RISK_LIMIT);
        ExecutionReport rejectReport = OutputMapping.report(reject, "live");
        assertThat(((io.qps.schemas.RejectEvent) rejectReport.getReport()).getSource()).isEqualTo("alpha_5_orderbook/ES");
        assertThat(OutputMapping.toCore(rejectReport)).isEqualTo(reject);

        PositionRecord position = new PositionRecord(9, "BTC-USD", 0, StrategyId.ALPHA_1_PAIRS, 0, 2_500,
                -10_812_542_500L, 4_325_017, 0, 1_081, -10_812_543_581L);
        assertThat(OutputMapping.toCore(OutputMapping.toAvro(position, "live"))).isEqualTo(position);

        PnlSnapshot pnl = new PnlSnapshot(12, PnlSnapshot.TOTAL, 1, 60_000_000, 5, -17, 1_081, -1_093, 10_812_542_500L, 1);
        io.qps.schemas.PnlSnapshot avroPnl = OutputMapping.toAvro(pnl, "live");
        assertThat(avroPnl.getSource()).isEqualTo("TOTAL");
        assertThat(OutputMapping.toCore(avroPnl)).isEqualTo(pnl);
    }
}
