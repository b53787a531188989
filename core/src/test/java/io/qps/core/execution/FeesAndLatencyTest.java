package io.qps.core.execution;

import static io.qps.core.execution.Events.AAPL;
import static io.qps.core.execution.Events.BTC;
import static io.qps.core.execution.Events.ES;
import static io.qps.core.execution.Events.EURUSD;
import static io.qps.core.execution.Events.book;
import static io.qps.core.execution.Events.levels;
import static io.qps.core.execution.Events.limit;
import static io.qps.core.execution.Events.market;
import static io.qps.core.execution.Events.quote;
import static io.qps.core.execution.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.Side;
import io.qps.core.strategy.StrategyId;
import org.junit.jupiter.api.Test;

/** Maker and taker fees per asset class, fee rounding, and event-time latency. */
class FeesAndLatencyTest {
    private static final StrategyId P = StrategyId.ALPHA_1_PAIRS;

    private final Recorder rec = new Recorder();

    @Test
    void defaultRatesPerAssetClass() {
        FeeSchedule f = FeeSchedule.defaults();
        assertThat(new long[] {
            f.rate(AssetClass.CRYPTO, Liquidity.MAKER), f.rate(AssetClass.CRYPTO, Liquidity.TAKER),
            f.rate(AssetClass.EQUITY, Liquidity.MAKER), f.rate(AssetClass.EQUITY, Liquidity.TAKER),
            f.rate(AssetClass.FX, Liquidity.MAKER), f.rate(AssetClass.FX, Liquidity.TAKER),
            f.rate(AssetClass.FUTURE, Liquidity.MAKER), f.rate(AssetClass.FUTURE, Liquidity.TAKER)})
                .containsExactly(100, 500, 20, 50, 10, 20, 20, 40);
        assertThat(ExecutionConfig.defaults().maxPositionNotional()).isEqualTo(500_000L * Money.ONE);
        assertThat(ExecutionConfig.defaults().latencyMicros()).isZero();
    }

    @Test
    void fxTakerAndMakerFees() {
        ExecutionEngine engine = new ExecutionEngine(Universe.standard(), ExecutionConfig.defaults());
        engine.onMarketEvent(quote(1, 1_000_000, EURUSD, 108500, 1_000_000, 108502, 1_000_000), rec);
        engine.onTarget(market(1, 1_000_000, P, EURUSD, 100_000), rec);
        engine.onMarketEvent(quote(2, 1_000_001, EURUSD, 108500, 1_000_000, 108502, 1_000_000), rec);
        engine.onTarget(limit(2, 1_000_001, P, EURUSD, 0, 108510), rec);
        engine.onMarketEvent(quote(3, 1_000_002, EURUSD, 108500, 1_000_000, 108502, 1_000_000), rec);
        engine.onMarketEvent(quote(4, 1_000_003, EURUSD, 108511, 1_000_000, 108513, 1_000_000), rec);
        // $108,502 x 0.2 bp = $2.17004 taker; $108,510 x 0.1 bp = $1.0851 maker
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/EURUSD|0|PLACED|alpha_1_pairs:EURUSD:1:0|BUY|100000|MARKET|0|1000000",
                "2|EURUSD|0|FILL|1000001|alpha_1_pairs|alpha_1_pairs:EURUSD:1:0|BUY|100000|108502|TAKER|2170040|0|1",
                "2|alpha_1_pairs/EURUSD|0|PLACED|alpha_1_pairs:EURUSD:2:0|SELL|100000|LIMIT|108510|1000001",
                "4|EURUSD|0|FILL|1000003|alpha_1_pairs|alpha_1_pairs:EURUSD:2:0|SELL|100000|108510|MAKER|1085100|0|2");
    }

    @Test
    void futureMakerFeeAndCryptoFeeRoundsUp() {
        ExecutionEngine engine = new ExecutionEngine(Universe.standard(), ExecutionConfig.defaults());
        engine.onMarketEvent(book(1, 1_000_000, ES, levels(400000, 10), levels(400025, 10)), rec);
        engine.onTarget(limit(1, 1_000_000, P, ES, 1, 400000), rec);
        engine.onMarketEvent(book(2, 1_000_001, ES, levels(400000, 10), levels(400025, 10)), rec);
        engine.onMarketEvent(trade(3, 1_000_002, ES, 399975, 1, Side.SELL), rec);
        engine.onMarketEvent(book(4, 1_000_003, BTC, levels(5000000, 10), levels(5000001, 10)), rec);
        engine.onTarget(market(4, 1_000_003, P, BTC, 1), rec);
        engine.onMarketEvent(book(5, 1_000_004, BTC, levels(5000000, 10), levels(5000001, 10)), rec);
        // ES: $200,000 x 0.2 bp = $4. BTC: 0.0001 x 50,000.01 = $5.000001 x 5 bp = $0.0025000005 -> 2501 up
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/ES|0|PLACED|alpha_1_pairs:ES:1:0|BUY|1|LIMIT|400000|1000000",
                "3|ES|0|FILL|1000002|alpha_1_pairs|alpha_1_pairs:ES:1:0|BUY|1|400000|MAKER|4000000|0|1",
                "4|alpha_1_pairs/BTC-USD|0|PLACED|alpha_1_pairs:BTC-USD:4:0|BUY|1|MARKET|0|1000003",
                "5|BTC-USD|0|FILL|1000004|alpha_1_pairs|alpha_1_pairs:BTC-USD:4:0|BUY|1|5000001|TAKER|2501|0|4");
    }

    @Test
    void anOrderIsNotActiveBeforeCauseTimePlusLatency() {
        ExecutionConfig config = new ExecutionConfig(FeeSchedule.zero(), 1_000,
                ExecutionConfig.defaults().maxPositionNotional());
        ExecutionEngine engine = new ExecutionEngine(Universe.standard(), config);
        engine.onMarketEvent(quote(1, 1_000_000, AAPL, 10000, 500, 10002, 500), rec);
        engine.onTarget(market(1, 1_000_000, P, AAPL, 100), rec);
        assertThat(rec.drain()).containsExactly(
                "1|alpha_1_pairs/AAPL|0|PLACED|alpha_1_pairs:AAPL:1:0|BUY|100|MARKET|0|1001000");
        engine.onMarketEvent(quote(2, 1_000_999, AAPL, 10000, 500, 10003, 500), rec);
        engine.onMarketEvent(trade(3, 1_001_000, AAPL, 10003, 100, Side.BUY), rec);
        assertThat(rec.drain()).isEmpty();
        engine.onMarketEvent(quote(4, 1_001_000, AAPL, 10001, 500, 10004, 500), rec);
        assertThat(rec.drain()).containsExactly(
                "4|AAPL|0|FILL|1001000|alpha_1_pairs|alpha_1_pairs:AAPL:1:0|BUY|100|10004|TAKER|0|0|1");
    }
}
