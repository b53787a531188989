package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.sim.SimConfig;
import io.qps.schemas.SessionManifest;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class SessionManifestsTest {
    private static final DatasetHeader HEADER = DatasetHeader.of(SimConfig.defaults(42, 3));
    private static final DatasetTrailer TRAILER = new DatasetTrailer(2_442_329L, Collections.nCopies(10, 0L),
            "834b87cc34505a8e00fcbf3749cff5b3fc1b5779316691079dad5221107a6d37");
    /** The configuration hash of seed 42, 3 days, as computed before the manifest had startMicros/createdMillis. */
    private static final String CONFIG_HASH = "66b1407bbfbcd548054f5a1e70f390ccf1d3aaf32786fb1d704d4f93fbb23294";

    @Test
    void manifestRecordsTheDatasetAndTopic() {
        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "0.1.0-SNAPSHOT",
                1_763_900_000_123L);
        assertThat(m.getSessionId()).isEqualTo("demo1");
        assertThat(m.getDatasetSha256()).isEqualTo("834b87cc34505a8e00fcbf3749cff5b3fc1b5779316691079dad5221107a6d37");
        assertThat(m.getSeed()).isEqualTo(42L);
        assertThat(m.getDays()).isEqualTo(3);
        assertThat(m.getPartitions()).isEqualTo(6);
        assertThat(m.getEvents()).isEqualTo(2_442_329L);
        assertThat(m.getCreatedBy()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(m.getFormatVersion()).isEqualTo(1);
        assertThat(m.getInstruments()).hasSize(10);
        assertThat(m.getInstruments().get(8).toString()).isEqualTo("{\"id\": 8, \"symbol\": \"ES\", \"assetClass\":"
                + " \"FUTURE\", \"priceDecimals\": 2, \"qtyDecimals\": 0, \"tickSize\": 25, \"lotSize\": 1,"
                + " \"multiplier\": 50, \"quoteCurrency\": \"USD\", \"hasDepth\": true, \"hours\": \"FUTURES\"}");
        assertThat(m.getStartMicros()).isEqualTo(1_704_067_200_000_000L);
        assertThat(m.getCreatedMillis()).isEqualTo(1_763_900_000_123L);
        assertThat(m.getConfigHash()).isEqualTo(SessionManifests.configHash(HEADER)).isEqualTo(CONFIG_HASH);
    }

    @Test
    void creationTimeIsNotPartOfTheConfigHash() {
        SessionManifest early = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 1L);
        SessionManifest late = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 2L);
        assertThat(late.getConfigHash()).isEqualTo(early.getConfigHash()).isEqualTo(CONFIG_HASH);
    }

    @Test
    void canonicalConfigListsTheSimulatorSettingsAndInstrumentsButNotPartitions() {
        String text = SessionManifests.canonicalConfig(HEADER);
        assertThat(text.lines().limit(6)).containsExactly("formatVersion=1", "seed=42", "days=3",
                "startMicros=1704067200000000", "densityScale=1.0",
                "instrument=Instrument[id=0, symbol=BTC-USD, assetClass=CRYPTO, priceDecimals=2, qtyDecimals=4,"
                        + " tickSize=1, lotSize=1, multiplier=1, quoteCurrency=USD, hasDepth=true, hours=ALWAYS]");
        assertThat(text.lines()).hasSize(15).noneMatch(line -> line.startsWith("partitions"));
        assertThat(SessionManifests.configHash(DatasetHeader.of(SimConfig.defaults(43, 3))))
                .isNotEqualTo(SessionManifests.configHash(HEADER));
        assertThat(SessionManifests.configHash(DatasetHeader.of(SimConfig.defaults(42, 3))))
                .isEqualTo(SessionManifests.configHash(HEADER));
    }
}
