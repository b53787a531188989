package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.CanonicalDiff;
import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputTopic;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.execution.FillEvent;
import io.qps.core.sim.SimConfig;
import io.qps.core.strategy.StrategyId;
import io.qps.embedded.KafkaFixture;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.Publisher;
import io.qps.producer.publish.PacingClock;
import io.qps.producer.publish.Speed;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionId;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.MergeMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replication contract on a real broker: one small dataset (seed 42, 1 day, density 0.05) published into a
 * 6-partition session while its live run consumes it (2 stream threads), replayed (1 thread), published again into a
 * 1-partition session consumed by an attached run; every run's canonical outputs equal the reference engine's. A
 * live run with the arrival-order merge differs, first at a cross-asset strategy. Tests share the sessions, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunnerIT {
    private static final SessionId SIX = SessionId.of("it-runner-6p");
    private static final SessionId ONE = SessionId.of("it-runner-1p");
    private static final SessionId RACY = SessionId.of("it-runner-racy");

    @TempDir
    static Path dir;

    private static EmbeddedSchemaRegistry registryServer;
    private static SchemaRegistryClient registry;
    private static RunnerSettings settings;
    private static Path dataset;
    private static EngineResult reference;
    private static CanonicalForm liveSix;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        KafkaFixture kafka = KafkaFixture.shared();
        registryServer = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0);
        registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(10));
        settings = RunnerSettings.singleNode(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                registryServer.url(), dir.resolve("data")).withStallTimeout(Duration.ofSeconds(120));
        dataset = dir.resolve("42-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(42, 1).withDensity(0.05), dataset);
        Dataset data = DatasetReader.load(dataset);
        reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());
    }

    @AfterAll
    static void tearDown() {
        if (registryServer != null) {
            registryServer.close();
        }
    }

    @Test
    @Order(1)
    void theDatasetMakesEveryStrategyTrade() {
        Map<StrategyId, Integer> fills = new TreeMap<>();
        for (FillEvent f : reference.outputs().fills()) {
            fills.merge(f.strategy(), 1, Integer::sum);
        }
        assertThat(fills.keySet()).containsExactly(StrategyId.values());
        assertThat(reference.events()).isEqualTo(40_151);
    }

    @Test
    @Order(2)
    void liveWhilePublishingEqualsTheReferenceEngine() throws InterruptedException {
        LiveRunner.Published p = new LiveRunner(settings, registry, LOG::add).publishAndRun(
                PublishRequest.of(SIX, dataset, 6, Speed.MAX, false, EngineConfig.defaults()), 2, MergeMode.GATED,
                Progress.NONE);
        assertThat(p.publish().events()).isEqualTo(reference.events());
        assertThat(p.run().run()).isEqualTo("live");
        assertThat(p.run().events()).isEqualTo(reference.lastSeq());
        liveSix = canonical(SIX, "live");
        assertSameAsReference(liveSix);
        assertThat(p.run().records()).isEqualTo(referenceCounts());
        RunManifest m = catalog().find(SIX, "live").orElseThrow();
        assertThat(m.getStatus()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.getMode()).isEqualTo(RunMode.LIVE);
        assertThat(m.getPartitions()).isEqualTo(6);
        assertThat(m.getThreads()).isEqualTo(2);
        assertThat(m.getMergeMode()).isEqualTo("GATED");
        assertThat(m.getEvents()).isEqualTo(reference.lastSeq());
        assertThat(m.getDatasetSha256()).isEqualTo(DatasetReader.load(dataset).sha256());
    }

    @Test
    @Order(3)
    void replayWithOneThreadEqualsLiveAndLeavesLiveUntouched() {
        ReplayRunner replays = new ReplayRunner(settings, registry, LOG::add);
        RunOutcome first = replays.replay(SIX, 1);
        assertThat(first.run()).isEqualTo("replay-1");
        assertThat(first.warnings()).isEmpty();
        CanonicalForm replay = canonical(SIX, "replay-1");
        assertSameAsReference(replay);
        assertThat(replay.digest()).isEqualTo(liveSix.digest());
        assertThat(canonical(SIX, "live").digest()).isEqualTo(liveSix.digest());
        assertThat(new RunOutputReader(settings.kafka(), settings.timeout())
                .counts(OutputTopicsAdmin.topics(SIX, "live"))).isEqualTo(referenceCounts());
        assertThat(catalog().runs(SIX)).extracting(RunManifest::getRun, RunManifest::getStatus, RunManifest::getThreads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("live", RunStatus.COMPLETE, 2),
                        org.assertj.core.groups.Tuple.tuple("replay-1", RunStatus.COMPLETE, 1));
    }

    @Test
    @Order(4)
    void oneLiveAttachedPartitionEqualsSixPartitions() throws InterruptedException {
        new Publisher(settings.kafka(), registry, PacingClock.system(), Progress.NONE, settings.timeout())
                .publish(PublishRequest.of(ONE, dataset, 1, Speed.MAX, false, EngineConfig.defaults()));
        RunOutcome live = new LiveRunner(settings, registry, LOG::add).attach(ONE, 1, MergeMode.GATED,
                Duration.ofSeconds(30));
        assertThat(live.manifest().getPartitions()).isEqualTo(1);
        CanonicalForm one = canonical(ONE, "live");
        assertSameAsReference(one);
        assertThat(one.digest()).isEqualTo(liveSix.digest());
    }

    @Test
    @Order(5)
    void anArrivalOrderMergeDivergesFirstAtACrossAssetStrategy() throws InterruptedException {
        new LiveRunner(settings, registry, LOG::add).publishAndRun(
                PublishRequest.of(RACY, dataset, 6, Speed.MAX, false, EngineConfig.defaults()), 2,
                MergeMode.ARRIVAL_ORDER, Progress.NONE);
        CanonicalForm racy = canonical(RACY, "live");
        assertThat(racy.digest()).isNotEqualTo(reference.canonical().digest());
        Optional<Divergence> first = CanonicalDiff.first(reference.canonical(), racy, OutputTopic.ORDERS)
                .or(() -> CanonicalDiff.first(reference.canonical(), racy, OutputTopic.FILLS));
        assertThat(first).isPresent();
        Divergence d = first.get();
        // the divergent record: of the two lines at the divergence, the first in causal-key order (a run that lacks a
        // record has its next one there)
        String line = d.line();
        String source = line.split("\\|", 3)[1];
        assertThat(source).matches("(alpha_1_pairs|alpha_4_multi_asset)/[A-Z-]+");
        assertThat(d.seq()).isPositive().isLessThanOrEqualTo(reference.lastSeq());
        assertThat(line).startsWith(d.seq() + "|" + source + "|");
        assertThat(d.describe()).contains(source).contains("input seq " + d.seq());
    }

    @Test
    @Order(6)
    void replayingAnUnknownOrRunningSessionIsRefusedWithAReason() {
        ReplayRunner replays = new ReplayRunner(settings, registry, LOG::add);
        assertThatThrownBy(() -> replays.replay(SessionId.of("it-runner-nobody"), 1))
                .isInstanceOf(RunException.class)
                .hasMessage("unknown session 'it-runner-nobody': it has no manifest in qps.sessions (publish it with"
                        + " 'qps publish' or run it with 'qps live' first)");
        RunManifest live = catalog().find(RACY, "live").orElseThrow();
        catalog().record(RunManifest.newBuilder(live).setStatus(RunStatus.RUNNING)
                .setStartedMillis(1_700_000_000_000L).setFinishedMillis(0).build());
        assertThatThrownBy(() -> replays.replay(RACY, 1))
                .isInstanceOf(RunException.class)
                .hasMessage("session 'it-runner-racy' has its live run still in progress (status RUNNING since"
                        + " 1700000000000 ms); wait until it completes, or if its process died, resume it with"
                        + " 'qps live --session-id it-runner-racy --attach'");
    }

    private static RunCatalog catalog() {
        return new RunCatalog(settings.kafka(), registry, settings.timeout());
    }

    private static CanonicalForm canonical(SessionId session, String run) {
        return new RunOutputReader(settings.kafka(), settings.timeout())
                .canonical(OutputTopicsAdmin.topics(session, run), registry);
    }

    private static Map<OutputTopic, Long> referenceCounts() {
        Map<OutputTopic, Long> counts = new EnumMap<>(OutputTopic.class);
        for (OutputTopic t : OutputTopic.values()) {
            counts.put(t, (long) reference.canonical().lines(t).size());
        }
        return counts;
    }

    private static void assertSameAsReference(CanonicalForm run) {
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(run.lines(t)).as(t.suffix()).containsExactlyElementsOf(reference.canonical().lines(t));
        }
        assertThat(run.digest()).isEqualTo(reference.canonical().digest());
    }

}
