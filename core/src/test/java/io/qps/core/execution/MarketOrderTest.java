package io.qps.core.execution;

import static io.qps.core.execution.Events.AAPL;
import static io.qps.core.execution.Events.BTC;
import static io.qps.core.execution.Events.XOM;
import static io.qps.core.execution.Events.book;
import static io.qps.core.execution.Events.levels;
import static io.qps.core.execution.Events.market;
import static io.qps.core.execution.Events.quote;
import static io.qps.core.execution.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Universe;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

/** Golden scenarios of market orders: next-book fills, depth walking, remainders, shared liquidity. */
class MarketOrderTest {
    private static final StrategyId P = StrategyId.ALPHA_1_PAIRS;
    private static final StrategyId B = StrategyId.ALPHA_2_BREAKOUT;

    private final ExecutionEngine engine = new ExecutionEngine(Universe.standard(), ExecutionConfig.defaults());
    private final Recorder rec = new Recorder();

    @Test
    void fillsAgainstTheNextQuoteNotTheQuoteOfItsCause() {
        engine.onMarketEvent(quote(1, 1_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(market(1, 1_000_000, P, AAPL, 100), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/AAPL|0|PLACED|alpha_1_pairs:AAPL:1:0|BUY|100|MARKET|0|1000000");

        engine.onMarketEvent(quote(2, 1_000_000, XOM, 5000, 100, 5001, 100), rec);
        engine.onMarketEvent(trade(3, 1_000_050, AAPL, 10002, 10, Side.BUY), rec);
        assertThat(rec.drain()).isEmpty();

        engine.onMarketEvent(quote(4, 1_000_100, AAPL, 10001, 300, 10005, 200), rec);
        // 100 x 100.05 = $10,005; taker 0.5 bp = $0.50025
        assertThat(rec.drain()).containsExactly(
                "4|AAPL|0|FILL|1000100|alpha_1_pairs|alpha_1_pairs:AAPL:1:0|BUY|100|10005|TAKER|500250|0|1");
        assertThat(engine.instrument(AAPL).position(P)).isEqualTo(100);
        assertThat(engine.instrument(AAPL).workingOrders()).isZero();
    }

    @Test
    void walksTheDepthAcrossThreeLevels() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 5000), levels(5000000, 5000)), rec);
        engine.onTarget(market(1, 1_000_000, P, BTC, 5000), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/BTC-USD|0|PLACED|alpha_1_pairs:BTC-USD:1:0|BUY|5000|MARKET|0|1000000");

        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 5000),
                levels(5000000, 1000, 5000100, 2000, 5000200, 5000)), rec);
        assertThat(rec.drain()).containsExactly(
                "2|BTC-USD|0|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|1000|5000000|TAKER|2500000|4000|1",
                "2|BTC-USD|1|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|2000|5000100|TAKER|5000100|2000|1",
                "2|BTC-USD|2|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|2000|5000200|TAKER|5000200|0|1");
        assertThat(engine.instrument(BTC).position(P)).isEqualTo(5000);
    }

    @Test
    void remainderBeyondVisibleDepthFillsOnTheNextBook() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 5000), levels(5000000, 5000)), rec);
        engine.onTarget(market(1, 1_000_000, P, BTC, -10000), rec);
        rec.drain();

        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 3000, 4999800, 4000, 4999700, 1000),
                levels(5000000, 5000)), rec);
        assertThat(rec.drain()).containsExactly(
                "2|BTC-USD|0|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|SELL|3000|4999900|TAKER|7499850|7000|1",
                "2|BTC-USD|1|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|SELL|4000|4999800|TAKER|9999600|3000|1",
                "2|BTC-USD|2|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|SELL|1000|4999700|TAKER|2499850|2000|1");

        engine.onMarketEvent(trade(3, 1_000_002, BTC, 4999700, 9000, Side.SELL), rec);
        assertThat(rec.drain()).isEmpty();

        engine.onMarketEvent(book(4, 1_000_003, BTC, levels(4999600, 1500, 4999500, 5000), levels(5000000, 5000)),
                rec);
        assertThat(rec.drain()).containsExactly(
                "4|BTC-USD|0|FILL|1000003|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|SELL|1500|4999600|TAKER|3749700|500|1",
                "4|BTC-USD|1|FILL|1000003|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|SELL|500|4999500|TAKER|1249875|0|1");
        assertThat(engine.instrument(BTC).position(P)).isEqualTo(-10000);
    }

    @Test
    void ordersOfOneEventShareTheBookInCausalKeyOrder() {
        engine.onMarketEvent(book(1, 1_000_000, BTC, levels(4999900, 5000), levels(5000000, 5000)), rec);
        engine.onTarget(market(1, 1_000_000, B, BTC, 3000), rec);
        engine.onTarget(market(1, 1_000_000, P, BTC, 3000), rec);
        rec.drain();

        engine.onMarketEvent(book(2, 1_000_001, BTC, levels(4999900, 5000), levels(5000000, 4000, 5000100, 4000)),
                rec);
        assertThat(rec.drain()).containsExactly(
                "2|BTC-USD|0|FILL|1000001|alpha_1_pairs|alpha_1_pairs:BTC-USD:1:0|BUY|3000|5000000|TAKER|7500000|0|1",
                "2|BTC-USD|1|FILL|1000001|alpha_2_breakout|alpha_2_breakout:BTC-USD:1:0|BUY|1000|5000000|TAKER|2500000|2000|1",
                "2|BTC-USD|2|FILL|1000001|alpha_2_breakout|alpha_2_breakout:BTC-USD:1:0|BUY|2000|5000100|TAKER|5000100|0|1");
    }
}
