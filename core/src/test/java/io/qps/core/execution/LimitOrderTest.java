package io.qps.core.execution;

import static io.qps.core.execution.Events.AAPL;
import static io.qps.core.execution.Events.BTC;
import static io.qps.core.execution.Events.book;
import static io.qps.core.execution.Events.levels;
import static io.qps.core.execution.Events.limit;
import static io.qps.core.execution.Events.quote;
import static io.qps.core.execution.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Universe;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

/** Golden scenarios of limit orders: trade-through, queue depletion, quote crossing, marketable limits. */
class LimitOrderTest {
    private static final StrategyId P = StrategyId.ALPHA_1_PAIRS;
    private static final StrategyId B = StrategyId.ALPHA_2_BREAKOUT;

    private final ExecutionEngine engine = new ExecutionEngine(Universe.standard(), ExecutionConfig.defaults());
    private final Recorder rec = new Recorder();

    @Test
    void restingBuyFillsWhenATradePrintsThroughItsPrice() {
        engine.onMarketEvent(quote(1, 1_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(limit(1, 1_000_000, P, AAPL, 100, 9998), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/AAPL|0|PLACED|alpha_1_pairs:AAPL:1:0|BUY|100|LIMIT|9998|1000000");
        engine.onMarketEvent(quote(2, 1_000_010, AAPL, 10000, 500, 10002, 500), rec);
        engine.onMarketEvent(trade(3, 1_000_020, AAPL, 9999, 400, Side.SELL), rec);
        assertThat(rec.drain()).isEmpty();

        engine.onMarketEvent(trade(4, 1_000_030, AAPL, 9997, 10, Side.SELL), rec);
        // 100 x 99.98 = $9,998; maker 0.2 bp = $0.19996
        assertThat(rec.drain()).containsExactly(
                "4|AAPL|0|FILL|1000030|alpha_1_pairs|alpha_1_pairs:AAPL:1:0|BUY|100|9998|MAKER|199960|0|1");
    }

    @Test
    void tradesAtThePriceDepleteTheQueueAheadThenFillPartially() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 3000, 4999800, 1000), levels(5000000, 1000)), rec);
        engine.onTarget(limit(1, 1_000_000, P, BTC, 5000, 4999900), rec);
        rec.drain();
        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 3000, 4999800, 1000), levels(5000000, 1000)), rec);
        engine.onMarketEvent(trade(3, 1_000_002, BTC, 4999900, 2000, Side.SELL), rec);
        assertThat(rec.drain()).as("queue 3000 -> 1000, nothing filled").isEmpty();

        engine.onMarketEvent(book(4, 1_000_003, BTC, levels(4999900, 500, 4999800, 1000), levels(5000000, 1000)), rec);
        engine.onMarketEvent(trade(5, 1_000_004, BTC, 4999900, 2500, Side.SELL), rec);
        assertThat(rec.drain()).as("queue shrank to 500; 2000 of the 2500 traded reach us").containsExactly(
                "5|BTC-USD|0|FILL|1000004|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|2000|4999900|MAKER|999980|3000|1");

        engine.onMarketEvent(trade(6, 1_000_005, BTC, 4999900, 3000, Side.SELL), rec);
        assertThat(rec.drain()).containsExactly(
                "6|BTC-USD|0|FILL|1000005|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|3000|4999900|MAKER|1499970|0|1");
        assertThat(engine.instrument(BTC).position(P)).isEqualTo(5000);
    }

    @Test
    void ourOrdersAtOneLevelFillInPlacementOrder() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 1000), levels(5000100, 1000)), rec);
        engine.onTarget(limit(1, 1_000_000, B, BTC, 2000, 5000000), rec);
        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 1000), levels(5000100, 1000)), rec);
        engine.onTarget(limit(2, 1_000_001, P, BTC, 2000, 5000000), rec);
        engine.onMarketEvent(book(3, 1_000_002, BTC, levels(4999900, 1000), levels(5000100, 1000)), rec);
        rec.drain();

        engine.onMarketEvent(trade(4, 1_000_003, BTC, 5000000, 3000, Side.SELL), rec);
        assertThat(rec.drain()).containsExactly(
                "4|BTC-USD|0|FILL|1000003|alpha_2_breakout|alpha_2_breakout:BTC-USD:1:0|BUY|2000|5000000|MAKER|1000000|0|1",
                "4|BTC-USD|1|FILL|1000003|alpha_1_pairs|alpha_1_pairs:BTC-USD:2:0|BUY|1000|5000000|MAKER|500000|1000|2");
    }

    @Test
    void restingSellFillsWhenTheBidCrossesIt() {
        engine.onMarketEvent(quote(1, 1_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(limit(1, 1_000_000, P, AAPL, -100, 10005), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/AAPL|0|PLACED|alpha_1_pairs:AAPL:1:0|SELL|100|LIMIT|10005|1000000");
        engine.onMarketEvent(quote(2, 1_000_001, AAPL, 10000, 500, 10002, 500), rec);
        engine.onMarketEvent(quote(3, 1_000_002, AAPL, 10004, 500, 10006, 500), rec);
        assertThat(rec.drain()).isEmpty();

        engine.onMarketEvent(quote(4, 1_000_003, AAPL, 10006, 200, 10008, 200), rec);
        assertThat(rec.drain()).containsExactly(
                "4|AAPL|0|FILL|1000003|alpha_1_pairs|alpha_1_pairs:AAPL:1:0|SELL|100|10005|MAKER|200100|0|1");
        assertThat(engine.instrument(AAPL).position(P)).isEqualTo(-100);
    }

    @Test
    void marketableLimitTakesUpToItsPriceThenRests() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 1000),
                levels(5000000, 1000, 5000100, 2000, 5000200, 5000)), rec);
        engine.onTarget(limit(1, 1_000_000, P, BTC, 5000, 5000100), rec);
        rec.drain();
        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 1000),
                levels(5000000, 1000, 5000100, 2000, 5000200, 5000)), rec);
        assertThat(rec.drain()).containsExactly(
                "2|BTC-USD|0|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|1000|5000000|TAKER|2500000|4000|1",
                "2|BTC-USD|1|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|2000|5000100|TAKER|5000100|2000|1");

        engine.onMarketEvent(book(3, 1_000_002, BTC, levels(4999900, 1000), levels(5000200, 5000)), rec);
        assertThat(rec.drain()).isEmpty();
        engine.onMarketEvent(trade(4, 1_000_003, BTC, 5000100, 500, Side.SELL), rec);
        assertThat(rec.drain()).as("inside the spread: no queue ahead").containsExactly(
                "4|BTC-USD|0|FILL|1000003|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|500|5000100|MAKER|250005|1500|1");
        engine.onMarketEvent(book(5, 1_000_004, BTC, levels(4999900, 1000), levels(5000100, 700, 5000200, 5000)), rec);
        assertThat(rec.drain()).containsExactly(
                "5|BTC-USD|0|FILL|1000004|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|1500|5000100|MAKER|750015|0|1");
    }
}
