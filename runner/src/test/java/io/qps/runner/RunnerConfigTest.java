package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicSettings;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.SessionManifest;
import io.qps.stream.topology.MergeMode;
import io.qps.stream.topology.QpsTopology;
import io.qps.stream.topology.TopologySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The runner's pure parts: Streams configuration, internal topic names, run ids, manifest checks. */
class RunnerConfigTest {
    private static final SessionId DEMO = SessionId.of("demo1");
    private static final RunnerSettings SETTINGS = RunnerSettings.singleNode(
            Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "PLAINTEXT"),
            "http://127.0.0.1:8081", Path.of("/tmp/qps-data"));

    @Test
    void streamsPropertiesAreThoseOfAnExactlyOnceAppPerSession() {
        Properties p = StreamsProperties.of(new RunRequest(DEMO, "replay-2", RunMode.REPLAY, 2, MergeMode.GATED),
                SETTINGS);
        assertThat(new java.util.TreeMap<>(p)).containsExactlyEntriesOf(new java.util.TreeMap<Object, Object>(Map.ofEntries(
                Map.entry("application.id", "qps-demo1"),
                Map.entry("bootstrap.servers", "127.0.0.1:9092"),
                Map.entry("security.protocol", "PLAINTEXT"),
                Map.entry("client.id", "qps-demo1-replay-2"),
                Map.entry("processing.guarantee", "exactly_once_v2"),
                Map.entry("num.stream.threads", 2),
                Map.entry("state.dir", "/tmp/qps-data/streams"),
                Map.entry("replication.factor", -1),
                Map.entry("num.standby.replicas", 0),
                Map.entry("commit.interval.ms", 100),
                Map.entry("qps.prompt.commits", "false"),
                Map.entry("max.task.idle.ms", -1L),
                Map.entry("statestore.cache.max.bytes", 0L),
                Map.entry("buffered.records.per.partition", 10_000),
                Map.entry("consumer.max.poll.records", 5_000),
                Map.entry("consumer.fetch.max.bytes", 1024 * 1024),
                Map.entry("consumer.max.partition.fetch.bytes", 256 * 1024),
                Map.entry("consumer.auto.offset.reset", "earliest"),
                Map.entry("consumer.session.timeout.ms", 10_000),
                Map.entry("consumer.heartbeat.interval.ms", 2_000),
                Map.entry("producer.acks", "all"),
                Map.entry("producer.transaction.timeout.ms", 60_000),
                Map.entry("producer.compression.type", "lz4"))));
        assertThat(StreamsProperties.serdeConfig(SETTINGS)).isEqualTo(Map.of("schema.registry.url",
                "http://127.0.0.1:8081"));
    }

    @Test
    void topicSettingsReachTheChangelogsAndRegistryCredentialsTheSerdes() {
        RunnerSettings cluster = SETTINGS.withTopics(TopicSettings.of(3, 2)).withRegistry(Map.of(
                "schema.registry.url", "https://registry:8081", "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "qps:secret"));
        Properties p = StreamsProperties.of(new RunRequest(DEMO, "live", RunMode.LIVE, 1, MergeMode.GATED), cluster);
        assertThat(p).containsEntry("replication.factor", 3).containsEntry("topic.min.insync.replicas", 2)
                .as("a live run commits promptly").containsEntry("qps.prompt.commits", "true");
        assertThat(StreamsProperties.of(new RunRequest(DEMO, "live", RunMode.LIVE, 1, MergeMode.GATED, false),
                cluster)).as("live at full speed").containsEntry("qps.prompt.commits", "false");
        assertThat(StreamsProperties.serdeConfig(cluster)).isEqualTo(Map.of("schema.registry.url",
                "https://registry:8081", "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "qps:secret"));
        assertThat(cluster.registryUrl()).isEqualTo("https://registry:8081");
    }

    @Test
    void theResetNamesExactlyTheTopologysInternalTopics() {
        TopologySpec spec = new TopologySpec("qps.demo1.ticks", 6, "live", OutputTopicsAdmin.topics(DEMO, "live"),
                Universe.standard(), EngineConfig.defaults(), Map.of("schema.registry.url", "http://x"),
                MergeMode.GATED, new int[10], io.qps.stream.topology.BadRecordPolicy.QUARANTINE);
        assertThat(InternalTopics.of(QpsTopology.build(spec), "qps-demo1")).containsExactly(
                "qps-demo1-partition-state-changelog",
                "qps-demo1-portfolio-state-changelog");
    }

    @Test
    void theRunsInternalTopicsAreNamedAsTheSessionCatalogKnowsThem() {
        assertThat(OutputTopicsAdmin.topics(DEMO, "replay-3").summaries())
                .isEqualTo(io.qps.producer.session.TopicNames.summaries(DEMO, "replay-3"));
        assertThat(OutputTopicsAdmin.topics(DEMO, "replay-3").partials())
                .isEqualTo(io.qps.producer.session.TopicNames.partials(DEMO, "replay-3"));
    }

    @Test
    void runTopicsAndRunIds() {
        assertThat(OutputTopicsAdmin.names(OutputTopicsAdmin.topics(DEMO, "replay-3"))).containsExactly(
                "qps.demo1.replay-3.orders", "qps.demo1.replay-3.fills", "qps.demo1.replay-3.positions",
                "qps.demo1.replay-3.pnl");
        assertThat(RunCatalog.key(DEMO, "live")).isEqualTo("demo1/live");
        assertThat(RunCatalog.nextReplay(List.of())).isEqualTo("replay-1");
        assertThat(RunCatalog.nextReplay(List.of(run("live"), run("replay-1"), run("replay-10"), run("replay-2"))))
                .isEqualTo("replay-11");
        assertThatThrownBy(() -> new RunRequest(DEMO, "live", RunMode.LIVE, 0, MergeMode.GATED))
                .hasMessage("threads must be within 1..64, was 0");
        assertThat(RunRequest.applicationId(DEMO)).isEqualTo("qps-demo1");
    }

    @Test
    void engineConfigHashIsTheSha256OfTheCanonicalConfigText() {
        assertThat(EngineConfigHash.of(EngineConfig.defaults())).hasSize(64)
                .isEqualTo(EngineConfigHash.of(EngineConfig.defaults()))
                .isEqualTo(sha256(io.qps.core.engine.EngineConfigFile.canonicalText(EngineConfig.defaults())));
    }

    @Test
    void replaySaysWhatDiffersFromTheLiveRunAndTheCurrentCode() {
        SessionManifest session = SessionManifest.newBuilder().setSessionId("demo1").setDatasetSha256("aa")
                .setSeed(42).setDays(1).setPartitions(6).setEvents(10).setInstruments(List.of())
                .setCreatedBy("0.0.1-old").setConfigHash("c1").setFormatVersion(1).build();
        RunManifest live = RunManifest.newBuilder(run("live")).setDatasetSha256("bb").setConfigHash("c1")
                .setEngineConfigHash("e0").setCreatedBy(io.qps.producer.publish.QpsVersion.get()).build();
        String version = io.qps.producer.publish.QpsVersion.get();
        assertThat(ReplayRunner.differences(session, List.of(live, run("replay-1")))).containsExactly(
                "the session was published by qps 0.0.1-old, this is qps " + version,
                "the live run consumed dataset bb, the session's manifest now says aa (the session was published"
                        + " again)",
                "the live run used engine configuration e0, the session's manifest now says "
                        + EngineConfigHash.of(EngineConfig.defaults()) + " (the session was published again): outputs"
                        + " may differ from the live run");
        RunManifest same = RunManifest.newBuilder(live).setDatasetSha256("aa")
                .setEngineConfigHash(EngineConfigHash.of(EngineConfig.defaults())).build();
        SessionManifest current = SessionManifest.newBuilder(session).setCreatedBy(version).build();
        assertThat(ReplayRunner.differences(current, List.of(same))).isEmpty();
    }

    private static RunManifest run(String id) {
        return RunManifest.newBuilder().setSessionId("demo1").setRun(id).setStatus(RunStatus.COMPLETE)
                .setMode(id.equals("live") ? RunMode.LIVE : RunMode.REPLAY).setPartitions(6).setThreads(1)
                .setMergeMode("GATED").setEvents(10).setCreatedBy("v").setDatasetSha256("aa").setConfigHash("c1")
                .setEngineConfigHash("e").setStartedMillis(1).setFinishedMillis(2).setError("").build();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
