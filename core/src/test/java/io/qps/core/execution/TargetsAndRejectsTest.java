package io.qps.core.execution;

import static io.qps.core.execution.Events.AAPL;
import static io.qps.core.execution.Events.ES;
import static io.qps.core.execution.Events.EURUSD;
import static io.qps.core.execution.Events.book;
import static io.qps.core.execution.Events.levels;
import static io.qps.core.execution.Events.limit;
import static io.qps.core.execution.Events.market;
import static io.qps.core.execution.Events.quote;
import static io.qps.core.execution.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

/** Targets becoming orders (idempotence, cancel/replace) and every rejection reason. */
class TargetsAndRejectsTest {
    private static final StrategyId P = StrategyId.ALPHA_1_PAIRS;

    /** The risk limit the golden quantities below are written against: $250,000. */
    private final ExecutionEngine engine = new ExecutionEngine(Universe.standard(),
            new ExecutionConfig(FeeSchedule.defaults(), 0, 250_000L * Money.ONE));
    private final Recorder rec = new Recorder();

    @Test
    void aNewTargetCancelsAndReplacesTheWorkingOrder() {
        engine.onMarketEvent(quote(1, 1_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(limit(1, 1_000_000, P, AAPL, 100, 9990), rec);
        engine.onMarketEvent(quote(2, 2_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(limit(2, 2_000_000, P, AAPL, 100, 9990), rec);
        assertThat(rec.drain()).as("the same target again changes nothing").containsExactly(
                "1|alpha_1_pairs/AAPL|0|PLACED|alpha_1_pairs:AAPL:1:0|BUY|100|LIMIT|9990|1000000");

        engine.onMarketEvent(quote(3, 3_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(limit(3, 3_000_000, P, AAPL, 200, 9995), rec);
        assertThat(rec.drain()).containsExactly(
                "3|alpha_1_pairs/AAPL|0|CANCELED|alpha_1_pairs:AAPL:1:0|BUY|100|LIMIT|9990|1000000",
                "3|alpha_1_pairs/AAPL|1|PLACED|alpha_1_pairs:AAPL:3:1|BUY|200|LIMIT|9995|3000000");

        engine.onMarketEvent(trade(4, 4_000_000, AAPL, 9995, 50, Side.SELL), rec);
        assertThat(rec.drain()).as("activated by a trade, the order enters the book only at the next book").isEmpty();
        engine.onMarketEvent(quote(5, 5_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onMarketEvent(trade(6, 6_000_000, AAPL, 9995, 50, Side.SELL), rec);
        assertThat(rec.drain()).containsExactly(
                "6|AAPL|0|FILL|6000000|alpha_1_pairs|alpha_1_pairs:AAPL:3:1|BUY|50|9995|MAKER|99950|150|3");

        engine.onMarketEvent(quote(7, 7_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(market(7, 7_000_000, P, AAPL, 0), rec);
        assertThat(rec.drain()).as("flat: cancel the rest, sell what was filled").containsExactly(
                "7|alpha_1_pairs/AAPL|0|CANCELED|alpha_1_pairs:AAPL:3:1|BUY|150|LIMIT|9995|3000000",
                "7|alpha_1_pairs/AAPL|1|PLACED|alpha_1_pairs:AAPL:7:1|SELL|50|MARKET|0|7000000");

        engine.onMarketEvent(quote(8, 8_000_000, AAPL, 10001, 500, 10003, 500), rec);
        engine.onTarget(market(8, 8_000_000, P, AAPL, 0), rec);
        assertThat(rec.drain()).as("target reached: nothing working, nothing to place").containsExactly(
                "8|AAPL|0|FILL|8000000|alpha_1_pairs|alpha_1_pairs:AAPL:7:1|SELL|50|10001|TAKER|250025|0|7");
        assertThat(engine.instrument(AAPL).position(P)).isZero();
    }

    @Test
    void everyRejectReasonAndARejectChangesNothingElse() {
        engine.onTarget(market(1, 1_000_000, P, AAPL, 100), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/AAPL|0|REJECT|alpha_1_pairs:AAPL:1:0|BUY|100|MARKET|0|NO_MARKET_DATA");

        engine.onMarketEvent(quote(2, 2_000_000, EURUSD, 108500, 1_000_000, 108502, 1_000_000), rec);
        engine.onTarget(market(2, 2_000_000, P, EURUSD, 1500), rec);
        assertThat(rec.drain()).containsExactly(
                "2|alpha_1_pairs/EURUSD|0|REJECT|alpha_1_pairs:EURUSD:2:0|BUY|1500|MARKET|0|BAD_QUANTITY");

        engine.onMarketEvent(book(3, 3_000_000, ES, levels(400000, 10), levels(400025, 10)), rec);
        engine.onTarget(limit(3, 3_000_000, P, ES, 1, 400010), rec);
        engine.onTarget(limit(3, 3_000_000, P, ES, 1, 0), rec);
        // mid 4000.125 x 2 x 50 = $400,012.50 > $250,000
        engine.onTarget(market(3, 3_000_000, P, ES, -2), rec);
        // mid 4000.125 x 1 x 50 = $200,006.25: accepted
        engine.onTarget(market(3, 3_000_000, P, ES, 1), rec);
        // 3 x 4000 x 50 = $600,000 at the limit price
        engine.onTarget(limit(3, 3_000_000, P, ES, 3, 400000), rec);
        engine.onTarget(new TargetPosition(3, 3_000_000, P, 5, 42, -7, OrderType.MARKET, 0), rec);
        assertThat(rec.drain()).containsExactly(
                "3|alpha_1_pairs/ES|0|REJECT|alpha_1_pairs:ES:3:0|BUY|1|LIMIT|400010|BAD_PRICE",
                "3|alpha_1_pairs/ES|1|REJECT|alpha_1_pairs:ES:3:1|BUY|1|LIMIT|0|BAD_PRICE",
                "3|alpha_1_pairs/ES|2|REJECT|alpha_1_pairs:ES:3:2|SELL|2|MARKET|0|RISK_LIMIT",
                "3|alpha_1_pairs/ES|3|PLACED|alpha_1_pairs:ES:3:3|BUY|1|MARKET|0|3000000",
                "3|alpha_1_pairs/ES|4|REJECT|alpha_1_pairs:ES:3:4|BUY|3|LIMIT|400000|RISK_LIMIT",
                "3|alpha_1_pairs/#42|5|REJECT|alpha_1_pairs:#42:3:5|SELL|7|MARKET|0|UNKNOWN_INSTRUMENT");
        assertThat(engine.instrument(ES).workingOrders()).isEqualTo(1);

        engine.onMarketEvent(book(4, 4_000_000, ES, levels(400000, 10), levels(400025, 10)), rec);
        // 4000.25 x 50 = $200,012.50; taker 0.4 bp = $8.0005
        assertThat(rec.drain()).containsExactly(
                "4|ES|0|FILL|4000000|alpha_1_pairs|alpha_1_pairs:ES:3:3|BUY|1|400025|TAKER|8000500|0|3");
    }
}
