package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.core.engine.EngineConfig;
import io.qps.core.data.DatasetFiles;
import io.qps.core.engine.Divergence;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.Speed;
import io.qps.producer.session.SessionId;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.LiveRunner;
import io.qps.runner.ReplayRunner;
import io.qps.runner.RunnerSettings;
import io.qps.stream.topology.MergeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier on a real broker: a session run live (publishing concurrently) and replayed passes against the
 * reference engine and its result lands on qps.results; a live run with the deliberately non-deterministic
 * arrival-order merge, replayed with the real gated merge, fails and the report names a cross-asset strategy and
 * the first divergent input seq.
 */
class SessionVerifierIT {
    private static final SessionId GOOD = SessionId.of("it-verify-good");
    private static final SessionId RACY = SessionId.of("it-verify-racy");

    @TempDir
    static Path dir;

    private static EmbeddedSchemaRegistry registryServer;
    private static SchemaRegistryClient registry;
    private static RunnerSettings settings;
    private static Path dataset;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void runSessions() throws InterruptedException {
        KafkaFixture kafka = KafkaFixture.shared();
        registryServer = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(10));
        settings = RunnerSettings.singleNode(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                registryServer.url(), dir.resolve("data")).withStallTimeout(Duration.ofSeconds(120));
        dataset = dir.resolve("43-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(43, 1).withDensity(0.05), dataset);
        LiveRunner live = new LiveRunner(settings, registry, LOG::add);
        ReplayRunner replay = new ReplayRunner(settings, registry, LOG::add);
        live.publishAndRun(PublishRequest.of(GOOD, dataset, 3, Speed.MAX, false, EngineConfig.defaults()), 1,
                MergeMode.GATED, Progress.NONE);
        replay.replay(GOOD, 2);
        live.publishAndRun(PublishRequest.of(RACY, dataset, 3, Speed.MAX, false, EngineConfig.defaults()), 2,
                MergeMode.ARRIVAL_ORDER, Progress.NONE);
        replay.replay(RACY, 1);
    }

    @AfterAll
    static void tearDown() {
        if (registryServer != null) {
            registryServer.close();
        }
    }

    private static SessionVerifier verifier() {
        return new SessionVerifier(settings.kafka(), registry, Duration.ofSeconds(30));
    }

    @Test
    void aDeterministicSessionPassesAndItsResultIsOnTheResultsTopic() throws Exception {
        Verification v = verifier().verify(GOOD, null, null, dataset);
        assertThat(v.replay().run()).isEqualTo("replay-1");
        assertThat(v.passed()).isTrue();
        assertThat(v.live().canonical().digest()).isEqualTo(v.reference().canonical().digest());
        String json = ResultsDocuments.compact(ResultsDocuments.summary(v));
        ResultsTopic topic = new ResultsTopic(settings.kafka(), Duration.ofSeconds(30));
        topic.publish(GOOD.toString(), json);
        assertThat(topic.latest()).containsEntry(GOOD.toString(), json);
        JsonNode read = new ObjectMapper().readTree(topic.latest().get(GOOD.toString()));
        assertThat(read.at("/portfolio_pnl/pnl_match").asText()).isEqualTo("PASS");
        assertThat(read.at("/oracle/live_vs_reference").asText()).isEqualTo("PASS");
        assertThat(read.path("pnl_match").asText()).isEqualTo("PASS");
        assertThat(read.at("/provenance/dataset_sha256").asText())
                .isEqualTo(verifier().session(GOOD).manifest().getDatasetSha256().toString());
        assertThat(read.at("/provenance/config_hash").asText()).hasSize(64);
        // the run read back and the reference engine have one set of statistics: the same outputs, the same figures
        assertThat(v.stats().get("live")).isEqualTo(v.stats().get("reference"));
    }

    @Test
    void anArrivalOrderLiveRunFailsAndTheReportNamesTheStrategyAndTheSeq() throws Exception {
        Verification v = verifier().verify(RACY, "live", "replay-1", dataset);
        assertThat(v.replicated()).isFalse();
        assertThat(v.replayVsReference().match()).isTrue();
        assertThat(v.liveVsReference().match()).isFalse();
        Divergence first = v.liveVsReplay().divergences().get(0);
        String strategy = v.liveVsReplay().strategyOf(first);
        // a boundary decided on missing summaries changes a cross strategy's orders, and through the shared
        // liquidity of the instruments' executions possibly another strategy's fill first: any strategy, named
        assertThat(strategy).isIn(java.util.Arrays.stream(io.qps.core.strategy.StrategyId.values())
                .map(io.qps.core.strategy.StrategyId::code).toList());
        assertThat(first.seq()).isPositive();
        JsonNode detailed = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(v)));
        JsonNode d = detailed.at("/divergences/live_vs_replay/0");
        assertThat(d.path("strategy").asText()).isEqualTo(strategy);
        assertThat(d.path("seq").asLong()).isEqualTo(first.seq());
        assertThat(d.path("causal_key").asText()).startsWith(first.seq() + "|");
        assertThat(d.path("differing_fields").size()).isPositive();
        JsonNode summary = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(v)));
        assertThat(summary.at("/portfolio_pnl/pnl_match").asText()).isEqualTo("FAIL");
        assertThat(summary.at("/alphas/" + strategy + "/match").asText()).isEqualTo("FAIL");
    }

    @Test
    void unknownSessionsRunsAndDatasetsAreRefusedWithAReason() {
        assertThatThrownBy(() -> verifier().session(SessionId.of("it-verify-nobody")))
                .isInstanceOf(VerifyException.class)
                .hasMessageStartingWith("unknown session it-verify-nobody (known sessions: ")
                .hasMessageContaining(GOOD.toString());
        assertThatThrownBy(() -> verifier().run(GOOD, "replay-7", true))
                .isInstanceOf(VerifyException.class)
                .hasMessage("session it-verify-good has no run replay-7 (runs: live, replay-1)");
        Path other = dir.resolve("44-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(44, 1).withDensity(0.02), other);
        assertThatThrownBy(() -> verifier().verify(GOOD, null, null, other))
                .isInstanceOf(VerifyException.class)
                .hasMessageContaining("but session it-verify-good was published from");
    }
}
