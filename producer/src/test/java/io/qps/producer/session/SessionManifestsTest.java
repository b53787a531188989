package io.qps.producer.session;

import java.util.Map;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.engine.EngineConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.core.instrument.Universe;
import io.qps.core.sim.SimConfig;
import io.qps.schemas.SessionManifest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionManifestsTest {
    private static final DatasetHeader HEADER = DatasetHeader.of(SimConfig.defaults(42, 3));
    private static final DatasetTrailer TRAILER = new DatasetTrailer(2_442_329L, Collections.nCopies(10, 0L),
            "834b87cc34505a8e00fcbf3749cff5b3fc1b5779316691079dad5221107a6d37");
    /** The event counts of {@code qps generate --seed 42 --days 3} (the trailer of data/42-3d.qpsd). */
    private static final DatasetTrailer COUNTS_42_3D = new DatasetTrailer(2_442_329L, List.of(467_099L, 363_197L,
            175_790L, 175_206L, 176_012L, 175_335L, 207_133L, 155_538L, 298_695L, 248_324L), TRAILER.sha256());
    /** The configuration hash of seed 42, 3 days, as computed before the manifest had startMicros/createdMillis. */
    private static final String CONFIG_HASH = "66b1407bbfbcd548054f5a1e70f390ccf1d3aaf32786fb1d704d4f93fbb23294";

    @Test
    void manifestRecordsTheDatasetAndTopic() {
        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "0.1.0-SNAPSHOT",
                1_763_900_000_123L, EngineConfig.defaults());
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
    void theHashOverloadRecordsKafkasKeyPartitionsExplicitly() {
        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 1L,
                EngineConfig.defaults());
        assertThat(m.getAssignment()).isEqualTo("hash");
        assertThat(m.getPartitionOf()).hasSize(10);
        assertThat(PartitionAssignments.of(m)).isEqualTo(PartitionAssignments.hash(
                HEADER.instruments().stream().map(i -> i.symbol()).toList(), 6));
        assertThat(PartitionAssignments.of(SessionManifest.newBuilder(m).setPartitionOf(List.of()).build()))
                .as("a manifest without partitionOf (schema v2) reads as the hash assignment")
                .isEqualTo(PartitionAssignments.of(m));
    }

    @Test
    void theBalancedAssignmentOfTheThreeDayDatasetKeepsThePairTogetherAndCapsTheBusiestPartition() {
        long[] counts = COUNTS_42_3D.eventsPerInstrument().stream().mapToLong(Long::longValue).toArray();
        PartitionAssignment six = PartitionAssignments.of(AssignmentMode.BALANCED, HEADER, COUNTS_42_3D, 6);
        assertThat(six.describe(Universe.standard())).isEqualTo(
                "BTC-USD→0 ETH-USD→1 XOM→2 CVX→2 AAPL→5 MSFT→4 EURUSD→5 GBPUSD→3 ES→3 NQ→4");
        // the busiest partition is BTC-USD alone (19.1%): no assignment of whole instruments does better
        assertThat(six.maxShare(counts)).isCloseTo(467_099.0 / 2_442_329, within(1e-12));
        PartitionAssignment hash = PartitionAssignments.of(AssignmentMode.HASH, HEADER, COUNTS_42_3D, 6);
        assertThat(hash.maxShare(counts)).as("murmur2 of the ten symbols").isGreaterThan(0.5);

        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, COUNTS_42_3D, six,
                AssignmentMode.BALANCED, "v", 1L, EngineConfig.defaults());
        assertThat(m.getAssignment()).isEqualTo("balanced");
        assertThat(m.getPartitions()).isEqualTo(6);
        assertThat(m.getPartitionOf()).containsExactly(0, 1, 2, 2, 5, 4, 5, 3, 3, 4);
        assertThat(PartitionAssignments.of(m)).isEqualTo(six);
        assertThat(m.getConfigHash()).as("the assignment is not configuration").isEqualTo(CONFIG_HASH);

        assertThat(PartitionAssignments.of(AssignmentMode.BALANCED, HEADER, COUNTS_42_3D, 12)
                .describe(Universe.standard()))
                .isEqualTo("BTC-USD→0 ETH-USD→1 XOM→2 CVX→2 AAPL→6 MSFT→7 EURUSD→5 GBPUSD→8 ES→3 NQ→4");
    }

    @Test
    void theEngineConfigurationIsRecordedAsCanonicalTextWithItsHashAndReadBack() {
        EngineConfig tuned = EngineConfigFile.withOverrides(EngineConfig.defaults(),
                Map.of("alpha_2_breakout.channel_bars", "7", "execution.latency", "2ms"));
        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 1L, tuned);
        assertThat(m.getEngineConfig()).isEqualTo(EngineConfigFile.canonicalText(tuned))
                .contains("alpha_2_breakout.channel_bars=7\n");
        assertThat(m.getEngineConfigSha256()).isEqualTo(EngineConfigFile.sha256(tuned));
        assertThat(SessionManifests.engineConfig(m)).isEqualTo(tuned);
        assertThat(new SessionEntry(m, true).engineConfig()).isEqualTo(tuned);
        assertThat(SessionManifests.engineConfigHash(m)).isEqualTo(m.getEngineConfigSha256());
        assertThat(m.getConfigHash()).as("the engine configuration has its own hash").isEqualTo(CONFIG_HASH);
    }

    @Test
    void aManifestWithoutAnEngineConfigurationMeansTheDefaults() {
        SessionManifest old = SessionManifest.newBuilder(SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER,
                6, "v", 1L, EngineConfigFile.withOverrides(EngineConfig.defaults(),
                        Map.of("execution.latency", "2ms")))).setEngineConfig("").setEngineConfigSha256("").build();
        assertThat(SessionManifests.engineConfig(old)).isEqualTo(EngineConfig.defaults());
        assertThat(SessionManifests.engineConfigHash(old)).isEqualTo(EngineConfigFile.sha256(EngineConfig.defaults()));
    }

    @Test
    void aRecordedEngineConfigurationThatDoesNotMatchItsHashIsRefused() {
        SessionManifest m = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 1L,
                EngineConfig.defaults());
        SessionManifest tampered = SessionManifest.newBuilder(m)
                .setEngineConfig(m.getEngineConfig().replace("execution.latency=", "execution.latency=9")).build();
        assertThatThrownBy(() -> SessionManifests.engineConfig(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match its recorded hash " + m.getEngineConfigSha256());
    }

    @Test
    void assignmentModesParseByName() {
        assertThat(AssignmentMode.parse("Balanced")).isEqualTo(AssignmentMode.BALANCED);
        assertThat(AssignmentMode.HASH.manifestName()).isEqualTo("hash");
        assertThatThrownBy(() -> AssignmentMode.parse("round-robin")).hasMessage(
                "invalid assignment 'round-robin': use balanced or hash");
    }

    @Test
    void creationTimeIsNotPartOfTheConfigHash() {
        SessionManifest early = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 1L,
                EngineConfig.defaults());
        SessionManifest late = SessionManifests.of(SessionId.of("demo1"), HEADER, TRAILER, 6, "v", 2L,
                EngineConfig.defaults());
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
