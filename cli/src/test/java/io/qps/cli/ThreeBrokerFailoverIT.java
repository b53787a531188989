package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.sim.SimConfig;
import io.qps.embedded.EmbeddedCluster;
import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.ValueEncoding;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import io.qps.registry.EmbeddedSchemaRegistry;
import io.qps.registry.storage.KafkaSchemaStore;
import io.qps.runner.LiveRunner;
import io.qps.runner.ReplayRunner;
import io.qps.runner.RunOutcome;
import io.qps.runner.RunRequest;
import io.qps.runner.RunnerSettings;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerdeConfig;
import io.qps.stream.topology.BadRecordPolicy;
import io.qps.stream.topology.MergeMode;
import io.qps.verify.SessionVerifier;
import io.qps.verify.Verification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md 1.3 on a real 3-broker cluster: three KRaft nodes (each a combined broker and controller, a static
 * quorum of three, each its own JVM: {@link EmbeddedCluster}), every topic of the session at replication 3 and
 * {@code min.insync.replicas} 2 (the ticks, outputs and catalogs through {@link TopicSettings}, the Streams changelog
 * and repartition topics through {@code replication.factor}, the registry's {@code _schemas} through its store), the
 * embedded schema registry storing its schemas on the cluster. A paced live run is started, and once it has released
 * part of the session the leader of ticks partition 0 is killed with SIGKILL (a crash of one machine: no controlled
 * shutdown, no flush). The quorum and every partition keep a majority, so the run completes by itself. The node is
 * started again (a replay creates topics at replication 3, which needs three brokers), the session is replayed, and
 * the verifier passes: live = replay = reference engine, with every output topic's count and digest equal to the
 * reference's.
 */
class ThreeBrokerFailoverIT {
    private static final Pattern PROGRESS = Pattern.compile("released seq [0-9,]+ of [0-9,]+ \\(([0-9.]+)%\\)");
    private static final SessionId SESSION = SessionId.of("it-3brokers");
    private static final TopicSettings TOPICS = TopicSettings.of(3, 2);

    @TempDir
    static Path dir;
    private static EmbeddedCluster cluster;
    private static EmbeddedSchemaRegistry registryServer;

    @BeforeAll
    static void start() {
        cluster = EmbeddedCluster.start(dir.resolve("cluster"), 3, "384m", Duration.ofMinutes(2));
        registryServer = EmbeddedSchemaRegistry.start(new KafkaSchemaStore(cluster.bootstrapServers(),
                KafkaSchemaStore.DEFAULT_TOPIC, Map.of(), (short) 3, 2), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (registryServer != null) {
            registryServer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLiveRunRidesOutABrokerKilledMidRunAndReplayAndVerifyPass() throws Exception {
        Map<String, Object> kafka = Map.of("bootstrap.servers", cluster.bootstrapServers());
        SchemaRegistryClient registry = new SchemaRegistryClient(registryServer.url(), null, Duration.ofSeconds(10));
        RunnerSettings settings = new RunnerSettings(kafka,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryServer.url()), dir.resolve("data"), TOPICS,
                RunnerSettings.DEFAULT_TIMEOUT, Duration.ofSeconds(90), Duration.ofSeconds(1),
                BadRecordPolicy.QUARANTINE, Duration.ofMinutes(2));
        Path dataset = dir.resolve("7-1d.qpsd");
        DatasetFiles.generate(SimConfig.defaults(7, 1).withDensity(0.05), dataset);
        Dataset data = DatasetReader.load(dataset);
        EngineResult reference = ReferenceRun.run(data.header().universe(), EngineConfig.defaults(), data.events());

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        int[] victim = {-1};
        double[] killedAt = {-1};
        Thread killer = new Thread(() -> {
            try {
                killedAt[0] = awaitProgress(log, 15.0);
                try (Admin admin = Admin.create(kafka)) {
                    TopicDescription ticks = admin.describeTopics(List.of(TopicNames.ticks(SESSION))).allTopicNames()
                            .get(30, TimeUnit.SECONDS).get(TopicNames.ticks(SESSION));
                    victim[0] = ticks.partitions().get(0).leader().id();
                    int controller = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS)
                            .leaderId();
                    long pid = cluster.pid(victim[0]);
                    cluster.kill(victim[0]);
                    log.add("test: killed node " + victim[0] + " (pid " + pid + ", leader of ticks-0"
                            + (controller == victim[0] ? ", the active controller" : "; active controller: node "
                            + controller) + ") at " + killedAt[0] + "%");
                }
            } catch (Exception e) {
                log.add("test: the kill failed: " + e);
            }
        }, "kill-a-broker");
        killer.setDaemon(true);
        killer.start();

        long start = System.nanoTime();
        // one simulated day (40,107 events) at 2,400 x: about 36 s of publishing while the application consumes
        PublishRequest request = new PublishRequest(SESSION, dataset, 3, TOPICS, new Speed(2_400), false,
                QpsVersion.get(), Map.of(), ValueEncoding.DIRECT, AssignmentMode.BALANCED, MarkerPolicy.DEFAULTS,
                EngineConfig.defaults());
        LiveRunner.Published live = new LiveRunner(settings, registry, log::add).publishAndRun(request, 2,
                MergeMode.GATED, Progress.NONE);
        killer.join(TimeUnit.MINUTES.toMillis(1));
        String transcript = String.join("\n", log);
        System.out.println("ThreeBrokerFailoverIT live run (" + (System.nanoTime() - start) / 1_000_000 + " ms):\n"
                + transcript);
        assertThat(live.run().manifest().getStatus()).as(transcript).isEqualTo(RunStatus.COMPLETE);
        assertThat(victim[0]).as(transcript).isPositive();
        assertThat(killedAt[0]).as(transcript).isBetween(15.0, 99.0);
        assertThat(log).as("the kill happened before the run closed").containsSubsequence(
                log.stream().filter(l -> l.startsWith("test: killed node")).findFirst().orElse("no kill"),
                log.stream().filter(l -> l.contains(", closing")).findFirst().orElse("no closing line"));
        assertEveryTopicReplicatedThreeTimes(kafka);
        OutputCheck.assertSameAsReference(kafka, registry, SESSION, "live", reference);

        // a replay creates its output topics at replication 3: the node comes back first, on its data and ports
        cluster.restart(victim[0]);
        RunOutcome replay = new ReplayRunner(settings, registry, log::add).replay(SESSION, 1);
        assertThat(replay.manifest().getStatus()).isEqualTo(RunStatus.COMPLETE);
        OutputCheck.assertSameAsReference(kafka, registry, SESSION, replay.manifest().getRun(), reference);
        Verification verdict = new SessionVerifier(kafka, registry, Duration.ofSeconds(30))
                .verify(SESSION, null, null, dataset);
        assertThat(verdict.liveVsReplay().match()).isTrue();
        assertThat(verdict.liveVsReference().match()).isTrue();
        assertThat(verdict.replayVsReference().match()).isTrue();
        assertThat(verdict.passed()).isTrue();
        System.out.println("ThreeBrokerFailoverIT total " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * The session's ticks and output topics, the application's changelog and repartition topics, the catalogs and
     * the registry's {@code _schemas}: three replicas each and {@code min.insync.replicas} 2 (the cluster's default
     * for topics created without settings is 1, so each got it from qps's own settings).
     */
    private static void assertEveryTopicReplicatedThreeTimes(Map<String, Object> kafka) throws Exception {
        try (Admin admin = Admin.create(kafka)) {
            Set<String> all = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Set<String> ours = new TreeSet<>();
            String app = RunRequest.applicationId(SESSION);
            for (String t : all) {
                if (t.startsWith(TopicNames.PREFIX + SESSION.value() + ".") || t.startsWith(app + "-")
                        || t.equals(TopicNames.SESSIONS) || t.equals(TopicNames.RUNS)
                        || t.equals(KafkaSchemaStore.DEFAULT_TOPIC)) {
                    ours.add(t);
                }
            }
            assertThat(ours).contains(TopicNames.ticks(SESSION), TopicNames.orders(SESSION, "live"),
                    TopicNames.SESSIONS, TopicNames.RUNS, KafkaSchemaStore.DEFAULT_TOPIC);
            assertThat(ours).as("the application's changelog topics").anyMatch(t -> t.endsWith("-changelog"));
            Map<String, TopicDescription> described = admin.describeTopics(ours).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = ours.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, String> replication = new TreeMap<>();
            Map<String, String> expected = new TreeMap<>();
            for (String t : ours) {
                int replicas = described.get(t).partitions().get(0).replicas().size();
                String min = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t))
                        .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
                replication.put(t, replicas + "/" + min);
                expected.put(t, "3/2");
            }
            assertThat(replication).as("replicas/min.insync.replicas per topic").isEqualTo(expected);
        }
    }

    /** Waits until the run's progress line reports at least {@code percent} of the session released. */
    private static double awaitProgress(List<String> log, double percent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            List<String> lines;
            synchronized (log) {
                lines = new ArrayList<>(log);
            }
            for (String line : lines) {
                Matcher m = PROGRESS.matcher(line);
                if (m.find() && Double.parseDouble(m.group(1)) >= percent) {
                    return Double.parseDouble(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the live run did not reach " + percent + "% within 3 minutes");
    }
}
