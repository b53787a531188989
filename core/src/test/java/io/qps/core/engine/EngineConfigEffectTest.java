package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.MarketEvent;
import io.qps.core.sim.SimConfig;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's parameters file reaches the engine: another configuration, other outputs; the same one, the same. */
class EngineConfigEffectTest {
    private static final SimConfig SIM = SimulatedRuns.small(42);
    private static final List<MarketEvent> EVENTS = SimulatedRuns.events(SIM);
    /** Strategy, execution and sampling parameters away from their defaults, as a user would write them. */
    static final String TUNED = """
            # faster channels, a looser pairs entry, a slower order path
            alpha_1_pairs.entry_z=1.5
            alpha_2_breakout.channel_bars=10
            alpha_5_orderbook.threshold=0.6
            execution.latency=250ms
            portfolio.sample_interval=5m
            """;

    @Test
    void aNonDefaultConfigurationChangesEveryOutputTopicAndTheStatistics() {
        EngineConfig tuned = EngineConfigFile.parse(new StringReader(TUNED));
        EngineResult defaults = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), EVENTS);
        EngineResult changed = ReferenceRun.run(SIM.universe(), tuned, EVENTS);

        for (OutputTopic topic : OutputTopic.values()) {
            if (!defaults.canonical().lines(topic).isEmpty()) {
                assertThat(changed.canonical().digest(topic)).as(topic.suffix())
                        .isNotEqualTo(defaults.canonical().digest(topic));
            }
        }
        assertThat(changed.outputs().fills()).isNotEmpty();
        assertThat(changed.stats()).isNotEqualTo(defaults.stats());
        assertThat(changed.canonical().lines(OutputTopic.PNL)).as("5-minute samples instead of 1-minute")
                .hasSizeLessThan(defaults.canonical().lines(OutputTopic.PNL).size());
        assertThat(ReferenceRun.run(SIM.universe(), EngineConfigFile.parse(new StringReader(TUNED)), EVENTS).digest())
                .as("the same file twice").isEqualTo(changed.digest());
    }

    @Test
    void differencesNameEachDifferingKeyWithBothValuesInKeyOrder() {
        EngineConfig tuned = EngineConfigFile.parse(new StringReader(TUNED));
        assertThat(EngineConfigFile.differences(EngineConfig.defaults(), tuned)).extracting(Object::toString)
                .containsExactly("alpha_1_pairs.entry_z (2.0 vs 1.5)", "alpha_2_breakout.channel_bars (20 vs 10)",
                        "alpha_5_orderbook.threshold (0.75 vs 0.6)", "execution.latency (0s vs 250ms)",
                        "portfolio.sample_interval (1m vs 5m)");
        assertThat(EngineConfigFile.differences(tuned, EngineConfigFile.parse(new StringReader(TUNED)))).isEmpty();
    }
}
