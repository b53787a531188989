package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.execution.ExecutionConfig;
import io.qps.core.execution.FeeSchedule;
import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Money;
import io.qps.core.strategy.BreakoutConfig;
import io.qps.core.strategy.StrategyId;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigFileTest {

    @Test
    void theShippedFileHoldsEveryDefault() {
        EngineConfig shipped = EngineConfigFile.load(Path.of("../config/engine.properties"));
        assertThat(shipped).isEqualTo(EngineConfig.defaults());
        assertThat(EngineConfigFile.sha256(shipped)).isEqualTo(EngineConfigFile.sha256(EngineConfig.defaults()));
    }

    @Test
    void theShippedFileNamesEveryKey() throws Exception {
        String text = java.nio.file.Files.readString(Path.of("../config/engine.properties"));
        for (String key : EngineConfigFile.keys()) {
            assertThat(text).as("config/engine.properties sets " + key).containsPattern("(?m)^" + key.replace(".", "\\.") + "=");
        }
    }

    @Test
    void anEmptyFileIsTheDefaults() {
        assertThat(EngineConfigFile.parse(new StringReader("# nothing\n\n"))).isEqualTo(EngineConfig.defaults());
        assertThat(EngineConfigFile.load(null)).isEqualTo(EngineConfig.defaults());
    }

    @Test
    void valuesInTheirUnits() {
        EngineConfig c = EngineConfigFile.parse(new StringReader("""
                strategies.enabled = alpha_2_breakout, alpha_1_pairs
                alpha_2_breakout.channel_bars=40
                alpha_2_breakout.bar=15m
                alpha_2_breakout.notional=2500.5
                alpha_2_breakout.symbols=BTC-USD,ES
                alpha_1_pairs.entry_z=2.25
                execution.latency=250ms
                execution.max_position_notional=1_000_000
                execution.fees.crypto.taker_bps=0.25
                portfolio.sample_interval=1h
                """));
        assertThat(c.strategies().enabled()).containsExactly(StrategyId.ALPHA_1_PAIRS, StrategyId.ALPHA_2_BREAKOUT);
        BreakoutConfig b = c.strategies().breakout();
        assertThat(b.channelBars()).isEqualTo(40);
        assertThat(b.barMicros()).isEqualTo(900_000_000L);
        assertThat(b.notional()).isEqualTo(2_500_500_000L);
        assertThat(b.symbols()).containsExactly("BTC-USD", "ES");
        assertThat(c.strategies().pairs().entryZ()).isEqualTo(2.25);
        assertThat(c.execution().latencyMicros()).isEqualTo(250_000L);
        assertThat(c.execution().maxPositionNotional()).isEqualTo(1_000_000 * Money.ONE);
        assertThat(c.execution().fees().rates().get(AssetClass.CRYPTO)).isEqualTo(new FeeSchedule.Rates(100, 25));
        assertThat(c.portfolio().sampleIntervalMicros()).isEqualTo(3_600_000_000L);
        assertThat(c.strategies().mtf()).isEqualTo(EngineConfig.defaults().strategies().mtf());
    }

    @Test
    void canonicalTextRoundTripsAndIsSortedAndStable() {
        EngineConfig c = EngineConfigFile.withOverrides(EngineConfig.defaults(), Map.of(
                "alpha_5_orderbook.threshold", "0.6", "execution.latency", "1500us", "strategies.enabled", "alpha_3_mtf"));
        String text = EngineConfigFile.canonicalText(c);
        assertThat(EngineConfigFile.parse(new StringReader(text))).isEqualTo(c);
        assertThat(text).contains("execution.latency=1500us\n", "alpha_5_orderbook.threshold=0.6\n",
                "strategies.enabled=alpha_3_mtf\n", "alpha_2_breakout.bar=5m\n", "alpha_2_breakout.notional=100000\n",
                "execution.fees.equity.maker_bps=0.2\n", "alpha_2_breakout.symbols=\n");
        assertThat(text.lines().toList()).isSorted().hasSize(EngineConfigFile.keys().size());
        assertThat(EngineConfigFile.sha256(c)).isNotEqualTo(EngineConfigFile.sha256(EngineConfig.defaults()))
                .isEqualTo(EngineConfigFile.sha256(EngineConfigFile.parse(new StringReader(text))));
    }

    @Test
    void everyFieldOfEveryPartIsAKey() {
        assertThat(EngineConfigFile.keys()).contains("strategies.enabled", "alpha_1_pairs.leg_a", "alpha_1_pairs.stop_z",
                "alpha_3_mtf.slow_bar", "alpha_4_multi_asset.top_k", "alpha_4_multi_asset.stale",
                "alpha_5_orderbook.cooldown", "execution.latency", "execution.fees.fx.taker_bps",
                "portfolio.sample_interval", "stats.capital_per_strategy", "stats.periods_per_year_days");
        assertThat(EngineConfigFile.keys()).allMatch(k -> k.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+"));
    }

    @Test
    void errorsNameTheLineTheKeyAndTheValue() {
        assertThatThrownBy(() -> parse("# c\nalpha_2_breakout.channel_bars=forty\n"))
                .isInstanceOf(EngineConfigException.class)
                .hasMessage("engine configuration line 2: alpha_2_breakout.channel_bars=forty: expected a whole number");
        assertThatThrownBy(() -> parse("alpha_2_breakout.lookback=40\n"))
                .hasMessageStartingWith("engine configuration line 1: unknown key 'alpha_2_breakout.lookback' (value '40');"
                        + " keys there: alpha_2_breakout.atr_bars");
        assertThatThrownBy(() -> parse("nonsense.key=1\n")).hasMessageContaining("unknown key 'nonsense.key'")
                .hasMessageContaining("sections: strategies, alpha_1_pairs");
        assertThatThrownBy(() -> parse("execution.latency=5\n"))
                .hasMessageContaining("line 1: execution.latency=5: expected a whole number and a unit");
        assertThatThrownBy(() -> parse("alpha_1_pairs.leg_notional=1.0000001\n"))
                .hasMessageContaining("alpha_1_pairs.leg_notional=1.0000001: expected dollars");
        assertThatThrownBy(() -> parse("strategies.enabled=alpha_9\n"))
                .hasMessageContaining("line 1: strategies.enabled=alpha_9: unknown strategy 'alpha_9'");
        assertThatThrownBy(() -> parse("execution.latency=1s\nexecution.latency=2s\n"))
                .hasMessage("engine configuration line 2: execution.latency is already set on line 1");
        assertThatThrownBy(() -> parse("just words\n")).hasMessageContaining("line 1: expected key=value");
        assertThatThrownBy(() -> parse("alpha_1_pairs.entry_z=5.0\n"))
                .hasMessageStartingWith("engine configuration line 1: alpha_1_pairs.entry_z=5.0 (section alpha_1_pairs):"
                        + " invalid pairs config");
        assertThatThrownBy(() -> EngineConfigFile.withOverrides(EngineConfig.defaults(), Map.of("execution.latency", "x")))
                .hasMessage("override: execution.latency=x: expected a whole number and a unit:"
                        + " us, ms, s, m, h or d (e.g. 5m)");
    }

    @Test
    void overridesKeepTheRest() {
        EngineConfig base = new EngineConfig(EngineConfig.defaults().strategies().only(StrategyId.ALPHA_2_BREAKOUT),
                new ExecutionConfig(FeeSchedule.zero(), 0, 500_000 * Money.ONE), EngineConfig.defaults().portfolio(),
                EngineConfig.defaults().stats());
        EngineConfig c = EngineConfigFile.withOverrides(base, Map.of("alpha_2_breakout.channel_bars", "60"));
        assertThat(c.execution().fees()).isEqualTo(FeeSchedule.zero());
        assertThat(c.strategies().enabled()).isEqualTo(EnumSet.of(StrategyId.ALPHA_2_BREAKOUT));
        assertThat(c.strategies().breakout().channelBars()).isEqualTo(60);
    }

    private static EngineConfig parse(String text) {
        return EngineConfigFile.parse(new StringReader(text));
    }
}
