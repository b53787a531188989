package io.qps.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Universe;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyFactoryTest {
    private static final Universe U = Universe.standard();

    @Test
    void createsEveryInstanceInCanonicalOrder() {
        List<Strategy> all = StrategyFactory.create(StrategiesConfig.defaults(), U);
        assertThat(all).extracting(Strategy::instanceName).containsExactly(
                "alpha_1_pairs",
                "alpha_2_breakout/BTC-USD", "alpha_2_breakout/ETH-USD", "alpha_2_breakout/XOM", "alpha_2_breakout/CVX",
                "alpha_2_breakout/AAPL", "alpha_2_breakout/MSFT", "alpha_2_breakout/EURUSD", "alpha_2_breakout/GBPUSD",
                "alpha_2_breakout/ES", "alpha_2_breakout/NQ",
                "alpha_3_mtf/BTC-USD", "alpha_3_mtf/ETH-USD", "alpha_3_mtf/XOM", "alpha_3_mtf/CVX",
                "alpha_3_mtf/AAPL", "alpha_3_mtf/MSFT", "alpha_3_mtf/EURUSD", "alpha_3_mtf/GBPUSD",
                "alpha_3_mtf/ES", "alpha_3_mtf/NQ",
                "alpha_4_multi_asset",
                "alpha_5_orderbook/BTC-USD", "alpha_5_orderbook/ETH-USD", "alpha_5_orderbook/ES", "alpha_5_orderbook/NQ");
        assertThat(all.get(0).subscriptions()).containsExactly(2, 3);
        assertThat(all.get(21).subscriptions()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(all.get(25).subscriptions()).containsExactly(9);
    }

    @Test
    void honoursTheEnabledSetAndSymbolLists() {
        StrategiesConfig base = StrategiesConfig.defaults();
        StrategiesConfig c = new StrategiesConfig(base.only(StrategyId.ALPHA_5_ORDERBOOK, StrategyId.ALPHA_2_BREAKOUT).enabled(),
                base.pairs(), new BreakoutConfig(List.of("NQ", "AAPL"), 300_000_000L, 20, 14, 3.0, 1, 1),
                base.mtf(), base.momentum(), new ImbalanceConfig(List.of("ES"), 3, 0.3, 1, 0, 1, 1));
        assertThat(StrategyFactory.create(c, U)).extracting(Strategy::instanceName)
                .containsExactly("alpha_2_breakout/AAPL", "alpha_2_breakout/NQ", "alpha_5_orderbook/ES");
    }

    @Test
    void theEnabledSetPrintsInCanonicalOrder() {
        StrategiesConfig c = StrategiesConfig.defaults().only(StrategyId.ALPHA_5_ORDERBOOK, StrategyId.ALPHA_1_PAIRS);
        assertThat(c.enabled()).containsExactly(StrategyId.ALPHA_1_PAIRS, StrategyId.ALPHA_5_ORDERBOOK);
        assertThat(c.toString()).startsWith("StrategiesConfig[enabled=[ALPHA_1_PAIRS, ALPHA_5_ORDERBOOK], pairs=PairsConfig[");
        assertThat(c).isEqualTo(StrategiesConfig.defaults().only(StrategyId.ALPHA_1_PAIRS, StrategyId.ALPHA_5_ORDERBOOK));
    }

    @Test
    void unknownSymbolsAreAnError() {
        StrategiesConfig base = StrategiesConfig.defaults();
        StrategiesConfig c = new StrategiesConfig(base.enabled(), new PairsConfig("XOM", "BP", 1, 10, 2, 0.5, 4, 0, 1, 1),
                base.breakout(), base.mtf(), base.momentum(), base.imbalance());
        assertThatThrownBy(() -> StrategyFactory.create(c, U)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown instrument 'BP'");
    }
}
