package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.producer.session.SessionEntry;
import io.qps.schemas.SessionManifest;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code qps verify --engine-config FILE} refuses a file that is not the session's recorded configuration. */
class EngineConfigMismatchTest {
    private static final EngineConfig TUNED = EngineConfigFile.withOverrides(EngineConfig.defaults(),
            Map.of("alpha_2_breakout.channel_bars", "10", "execution.latency", "250ms"));

    @Test
    void aDifferentFileIsRefusedInOneLineNamingEachDifferingKeyWithBothValues() {
        SessionEntry session = session(TUNED);
        assertThatThrownBy(() -> SessionVerifier.requireEngineConfig(session, EngineConfig.defaults(),
                "mine.properties"))
                .isInstanceOf(VerifyException.class)
                .hasMessage("session s1 was run with another engine configuration (sha256 "
                        + EngineConfigFile.sha256(TUNED) + ") than mine.properties (sha256 "
                        + EngineConfigFile.sha256(EngineConfig.defaults()) + "): 2 keys differ, session vs given:"
                        + " alpha_2_breakout.channel_bars (10 vs 20), execution.latency (250ms vs 0s); verify without"
                        + " --engine-config to use the session's own, or publish a new session with mine.properties")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theSameConfigurationPassesHoweverTheFileWasWritten() {
        EngineConfig reordered = EngineConfigFile.parse(new StringReader(
                "# the same two settings, other order and spelling\nexecution.latency=250000us\n"
                        + "alpha_2_breakout.channel_bars=10\n"));
        assertThatCode(() -> SessionVerifier.requireEngineConfig(session(TUNED), reordered, "f"))
                .doesNotThrowAnyException();
        assertThat(SessionVerifier.engineConfig(session(TUNED))).isEqualTo(TUNED);
    }

    @Test
    void aManifestWithoutAConfigurationIsTheDefaults() {
        SessionEntry old = new SessionEntry(SessionManifest.newBuilder(session(TUNED).manifest()).setEngineConfig("")
                .setEngineConfigSha256("").build(), true);
        assertThatCode(() -> SessionVerifier.requireEngineConfig(old, EngineConfig.defaults(), "f"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SessionVerifier.requireEngineConfig(old, TUNED, "f"))
                .hasMessageContaining("2 keys differ, session vs given: alpha_2_breakout.channel_bars (20 vs 10)");
    }

    private static SessionEntry session(EngineConfig config) {
        return new SessionEntry(SessionManifest.newBuilder().setSessionId("s1").setDatasetSha256("d").setSeed(1)
                .setDays(1).setPartitions(1).setEvents(1).setInstruments(List.of()).setCreatedBy("v")
                .setConfigHash("c").setFormatVersion(1).setEngineConfig(EngineConfigFile.canonicalText(config))
                .setEngineConfigSha256(EngineConfigFile.sha256(config)).build(), true);
    }
}
