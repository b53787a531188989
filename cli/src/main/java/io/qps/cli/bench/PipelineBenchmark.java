package io.qps.cli.bench;

import io.qps.core.data.DatasetReader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.publish.ValueEncoding;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.PartitionAssignments;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.LiveRunner;
import io.qps.runner.ReplayRunner;
import io.qps.runner.RunOutcome;
import io.qps.runner.RunRequest;
import io.qps.runner.RunnerSettings;
import io.qps.runner.StreamsProperties;
import io.qps.stream.topology.MergeMode;
import io.qps.stream.topology.RunTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The pipeline benchmark of DESIGN.md section 4, in one run on one broker: Kafka's ConsumerPerformance on the
 * session's ticks topic (C), a timed replay (S), the internal and changelog records the replay wrote per input
 * event, the share of the input read by the busiest task and by single-partition tasks, the verifier's rate and
 * memory, and the live order latency of paced runs. The session is published and run live first if it does not
 * exist yet.
 */
public final class PipelineBenchmark {
    private static final Duration VERIFY_LIMIT = Duration.ofMinutes(30);
    /**
     * Event time a latency run publishes at full speed before pacing: the strategies' bars, windows and hourly
     * rebalances have their history, so the paced minutes trade as a session in progress does, and the paced window
     * opens a minute before the hour, so it holds an hourly rebalance (from the very first event, or from a window
     * that holds no boundary, two paced minutes at speed 1 cause no order).
     */
    static final Duration LATENCY_WARMUP = Duration.ofHours(6).minusMinutes(1);
    /** The built-in parameters (config/engine.properties): the benchmark measures the pipeline, not a setting. */
    private static final EngineConfig BUILT_IN = EngineConfigFile.load(null);

    /**
     * What to measure.
     *
     * @param session the session to replay and verify (published and run live from {@code dataset} if missing)
     * @param dataset the session's dataset
     * @param partitions partitions of a session published here
     * @param threads {@code num.stream.threads} of the replay and the paced live runs
     * @param latencySeconds wall seconds of each paced live run; 0 skips them
     * @param speeds paces of the live runs
     * @param verify whether to run the verifier
     * @param liveReplayPairs live-at-full-speed and replay pairs to run in child JVMs on fresh sessions; 0 skips them
     */
    public record Options(SessionId session, Path dataset, int partitions, int threads, int latencySeconds,
                          List<Double> speeds, boolean verify, int liveReplayPairs) {
        /** Copies. */
        public Options {
            speeds = List.copyOf(speeds);
        }
    }

    private final RunnerSettings settings;
    private final SchemaRegistryClient registry;
    private final Consumer<String> log;
    private final Consumer<SessionId> deleteSession;

    /**
     * @param settings cluster, registry, folders, timeouts
     * @param registry the schema registry client
     * @param log where progress lines go
     * @param deleteSession removes a paced session once measured (as {@code qps sessions delete})
     */
    public PipelineBenchmark(RunnerSettings settings, SchemaRegistryClient registry, Consumer<String> log,
                             Consumer<SessionId> deleteSession) {
        this.settings = settings;
        this.registry = registry;
        this.log = log;
        this.deleteSession = deleteSession;
    }

    /** Measures everything; see the class comment. */
    public PipelineFigures run(Options o) throws InterruptedException {
        String load = loadAverage();
        SessionManifest m = ensureSession(o);
        SessionId id = o.session();
        String ticks = TopicNames.ticks(id);
        long events = m.getEvents();
        Duration timeout = settings.timeout();
        List<Long> perPartition;
        long tickRecords;
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), timeout)) {
            TopicCounts.Ends ends = TopicCounts.ends(admin.admin(), List.of(ticks), timeout).get(ticks);
            tickRecords = ends.sum();
            perPartition = eventsPerPartition(ends.ends(), events, m, o.dataset());
        }

        log.accept(String.format(Locale.ROOT, "C: ConsumerPerformance on %s (%,d records: %,d events and %,d"
                + " progress markers)", ticks, tickRecords, events, tickRecords - events));
        PipelineFigures.Consume consume = consumerPerformance(ticks, tickRecords);
        log.accept("T: the trivial Kafka Streams application on " + ticks);
        PipelineFigures.Trivial trivial = TrivialStreamsRun.run(settings.kafka(), ticks, tickRecords,
                Duration.ofMinutes(10), log);

        Set<String> sessions = new SessionCatalog(settings.kafka(), registry, timeout).all().keySet();
        Map<String, TopicCounts.Ends> before;
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), timeout)) {
            before = TopicCounts.ends(admin.admin(), changelogs(admin, id, sessions), timeout);
        }
        log.accept("S: replay of " + id + " with " + o.threads() + " thread(s)");
        long start = System.nanoTime();
        RunOutcome replay = new ReplayRunner(settings, registry, log).replay(id, o.threads());
        long total = System.nanoTime() - start;
        RunTopics runTopics = new RunTopics(TopicNames.orders(id, replay.run()), TopicNames.fills(id, replay.run()),
                TopicNames.positions(id, replay.run()), TopicNames.pnl(id, replay.run()));
        List<PipelineFigures.TopicWrites> writes = new ArrayList<>();
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), timeout)) {
            List<String> written = new ArrayList<>(List.of(runTopics.summaries(), runTopics.partials()));
            written.addAll(changelogs(admin, id, sessions));
            Map<String, TopicCounts.Ends> after = TopicCounts.ends(admin.admin(), written, timeout);
            Map<String, Long> records = TopicCounts.committedRecords(settings.kafka(), after.keySet(), timeout);
            for (String t : written) {
                if (after.containsKey(t)) {
                    writes.add(new PipelineFigures.TopicWrites(t, after.get(t).since(before.get(t)), records.get(t)));
                }
            }
        }
        long partials = writes.stream().filter(w -> w.topic().equals(runTopics.partials()))
                .mapToLong(PipelineFigures.TopicWrites::records).sum();

        PipelineFigures.Verify verify = null;
        if (o.verify()) {
            log.accept("verifier: live vs " + replay.run() + " vs reference engine, in a child JVM");
            verify = VerifierProbe.run(settings.kafka(), settings.registryUrl(), id.value(), RunCatalog.LIVE,
                    replay.run(), o.dataset(), VERIFY_LIMIT);
        }

        List<PipelineFigures.LiveVsReplay> pairs = new ArrayList<>();
        for (int k = 1; k <= o.liveReplayPairs(); k++) {
            SessionId lr = SessionId.of(o.session().value() + "-lr" + k + "-"
                    + Long.toString(System.currentTimeMillis() / 1000, 36));
            log.accept("live vs replay " + k + "/" + o.liveReplayPairs() + ": 'qps live --dataset " + o.dataset()
                    + "' at full speed, then 'qps replay', each in its own JVM, on session " + lr);
            try {
                pairs.add(LiveReplayProbe.run(settings.kafka(), settings.registryUrl(), new RunCatalog(
                        settings.kafka(), registry, timeout), settings.stateDir().toAbsolutePath().getParent(), lr,
                        o.dataset(), o.partitions(), o.threads(), Duration.ofMinutes(15)));
            } finally {
                deleteRunSession(lr, List.of(RunCatalog.LIVE, "replay-1"));
            }
        }

        RunRequest paced = new RunRequest(id, RunCatalog.LIVE, RunMode.LIVE, o.threads(), MergeMode.GATED);
        long commitInterval = Long.parseLong(String.valueOf(StreamsProperties.of(paced, settings)
                .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)));
        List<LatencyStats> latency = new ArrayList<>();
        if (o.latencySeconds() > 0) {
            for (double speed : o.speeds()) {
                latency.add(latency(o, speed, commitInterval));
            }
        }
        return new PipelineFigures(id.value(), m.getPartitions(), o.threads(), events, consume, trivial,
                new PipelineFigures.Replay(replay.run(), replay.events(), replay.elapsedNanos(), total), writes,
                perPartition, partials, verify, commitInterval, latency, load, pairs);
    }

    /** The session's manifest, after publishing it and running it live if it does not exist. */
    private SessionManifest ensureSession(Options o) throws InterruptedException {
        SessionId id = o.session();
        Optional<SessionEntry> entry = new SessionCatalog(settings.kafka(), registry, settings.timeout()).find(id);
        Optional<RunManifest> live = new RunCatalog(settings.kafka(), registry, settings.timeout())
                .find(id, RunCatalog.LIVE);
        String sha;
        try (DatasetReader r = DatasetReader.open(o.dataset())) {
            sha = r.sha256();
        }
        if (entry.isEmpty() && live.isEmpty()) {
            log.accept("session " + id + " does not exist: publishing " + o.dataset() + " to it at full speed with"
                    + " its live run (" + o.partitions() + " partitions, " + o.threads() + " thread(s))");
            PublishRequest request = new PublishRequest(id, o.dataset(), o.partitions(), settings.topics(),
                    Speed.MAX, false, QpsVersion.get(), Map.of(), ValueEncoding.DIRECT, AssignmentMode.BALANCED,
                    MarkerPolicy.DEFAULTS, BUILT_IN);
            new LiveRunner(settings, registry, log).publishAndRun(request, o.threads(), MergeMode.GATED,
                    Progress.NONE);
            return new SessionCatalog(settings.kafka(), registry, settings.timeout()).find(id).orElseThrow()
                    .manifest();
        }
        if (entry.isEmpty() || !entry.get().complete() || live.isEmpty()
                || live.get().getStatus() != RunStatus.COMPLETE) {
            throw new IllegalStateException("session " + id + " exists but is not published completely with a"
                    + " COMPLETE live run; pass another --session-id (a new one is published and run live here)");
        }
        SessionManifest m = entry.get().manifest();
        if (!m.getDatasetSha256().toString().equals(sha)) {
            throw new IllegalStateException("session " + id + " was published from dataset "
                    + m.getDatasetSha256() + ", not " + o.dataset() + " (" + sha + "); pass its dataset with"
                    + " --dataset or another --session-id");
        }
        if (m.getPartitions() != o.partitions()) {
            log.accept("note: session " + id + " exists with " + m.getPartitions() + " partitions; --partitions "
                    + o.partitions() + " only applies to a new session");
        }
        log.accept("session " + id + " exists with a COMPLETE live run: reusing it");
        return m;
    }

    /**
     * Events per ticks partition: its end offset minus its progress markers (every marker round writes one marker to
     * every partition, so each holds the same number). Cross-checked with the manifest's assignment and the
     * dataset's per-instrument counts.
     */
    private List<Long> eventsPerPartition(List<Long> ends, long events, SessionManifest m, Path dataset) {
        int n = ends.size();
        long markers = ends.stream().mapToLong(Long::longValue).sum() - events;
        int[] partitionOf = PartitionAssignments.of(m).partitionOf();
        long[] expected = new long[n];
        try (DatasetReader r = DatasetReader.open(dataset)) {
            DatasetTrailer t = r.trailer();
            for (int i = 0; i < t.eventsPerInstrument().size(); i++) {
                expected[partitionOf[i]] += t.eventsPerInstrument().get(i);
            }
        }
        List<Long> out = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            out.add(ends.get(p) - markers / n);
        }
        List<Long> fromDataset = java.util.Arrays.stream(expected).boxed().toList();
        if (markers % n != 0 || !out.equals(fromDataset)) {
            log.accept("note: ticks end offsets minus markers " + out + " differ from the dataset's counts by the"
                    + " manifest's assignment " + fromDataset + "; using the latter");
            return fromDataset;
        }
        return out;
    }

    private PipelineFigures.Consume consumerPerformance(String ticks, long records) {
        String group = "qps-bench-consumer-performance-" + System.currentTimeMillis();
        try {
            return ConsumerPerformanceRun.run(settings.kafka(), ticks, records, group);
        } finally {
            try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
                admin.admin().deleteConsumerGroups(List.of(group)).all()
                        .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.accept("note: consumer group " + group + " was not deleted: " + e.getMessage());
            }
        }
    }

    /**
     * The application's changelog topics: {@code qps-<session>-...-changelog}, except those of another known
     * session whose id extends this one ({@code qps-<session>-x-...} belongs to session {@code <session>-x}).
     */
    static List<String> changelogs(TopicAdmin admin, SessionId id, Set<String> sessions) {
        Set<String> names;
        try {
            names = admin.admin().listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics: " + e.getMessage(), e);
        }
        return changelogs(names, id, sessions);
    }

    static List<String> changelogs(Set<String> topics, SessionId id, Set<String> sessions) {
        String app = RunRequest.applicationId(id) + "-";
        Set<String> out = new TreeSet<>();
        for (String t : topics) {
            boolean other = sessions.stream().anyMatch(s -> !s.equals(id.value()) && s.startsWith(id.value() + "-")
                    && t.startsWith("qps-" + s + "-"));
            if (t.startsWith(app) && t.endsWith("-changelog") && !other) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A paced live run on a fresh session holding the first {@link #LATENCY_WARMUP} of the dataset, published at
     * full speed, then {@code latencySeconds * speed} of event time published at {@code speed}.
     */
    private LatencyStats latency(Options o, double speed, long commitInterval) throws InterruptedException {
        SessionId lid = SessionId.of(o.session().value() + "-lat" + PipelineFigures.speed(speed).replace('.', '_')
                + "x-" + Long.toString(System.currentTimeMillis() / 1000, 36));
        Path cut;
        long warmupMicros = LATENCY_WARMUP.toNanos() / 1000;
        try {
            cut = Files.createTempFile("qps-bench-latency", ".qpsd");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary dataset: " + e.getMessage(), e);
        }
        try {
            DatasetPrefix.Cut warmup = DatasetPrefix.write(o.dataset(), cut, warmupMicros,
                    warmupMicros + (long) (o.latencySeconds() * speed * 1_000_000L));
            if (warmup.firstAfterWarmupMicros() < 0) {
                throw new IllegalArgumentException("the dataset has no event in the paced window after the latency"
                        + " runs' warm-up (" + LATENCY_WARMUP.toMinutes() + " min of event time)");
            }
            long events = warmup.events();
            log.accept(String.format(Locale.ROOT, "latency: session %s, %,d events: %,d (%d min of event time) at full"
                    + " speed, then speed %s for %d s of wall time; %d thread(s), commit.interval.ms %d", lid, events,
                    warmup.warmupEvents(), LATENCY_WARMUP.toMinutes(), PipelineFigures.speed(speed), o.latencySeconds(),
                    o.threads(), commitInterval));
            PublishRequest request = new PublishRequest(lid, cut, o.partitions(), settings.topics(),
                    new Speed(speed, warmupMicros), false, QpsVersion.get(), Map.of(), ValueEncoding.DIRECT,
                    AssignmentMode.BALANCED, MarkerPolicy.DEFAULTS, BUILT_IN);
            try (OrderLatencyProbe probe = new OrderLatencyProbe(events, TopicNames.orders(lid, RunCatalog.LIVE),
                    settings.kafka(), registry, warmup.warmupEvents(), warmup.firstAfterWarmupMicros(), speed,
                    TopicNames.ticks(lid), RunRequest.applicationId(lid))) {
                LiveRunner.Published p = new LiveRunner(settings, registry, log).publishAndRun(request,
                        o.threads(), MergeMode.GATED, probe);
                long[] nanos = probe.finish(Duration.ofSeconds(60));
                log.accept(String.format(Locale.ROOT, "latency speed %s: pacing started %.1f s after the warm-up was"
                        + " sent, once the run had consumed and committed it", PipelineFigures.speed(speed),
                        probe.catchUpNanos() / 1e9));
                return LatencyStats.of(speed, nanos, events,
                        (p.publish().elapsedNanos() - Math.max(0, probe.catchUpNanos())) / 1e9);
            }
        } finally {
            ClientConfigFile.deleteQuietly(cut);
            deleteRunSession(lid, List.of(RunCatalog.LIVE));
        }
    }

    /** Deletes a session this benchmark made, and its runs' internal topics. */
    private void deleteRunSession(SessionId id, List<String> runs) {
        deleteSession.accept(id);
        for (String run : runs) {
            RunTopics t = new RunTopics(TopicNames.orders(id, run), TopicNames.fills(id, run),
                    TopicNames.positions(id, run), TopicNames.pnl(id, run));
            try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
                admin.delete(t.summaries());
                admin.delete(t.partials());
            } catch (RuntimeException e) {
                log.accept("note: " + t.summaries() + " and " + t.partials() + " were not deleted: " + e.getMessage());
            }
        }
    }

    /** The 1-, 5- and 15-minute load averages from /proc/loadavg, or the JVM's 1-minute figure. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (" + Runtime.getRuntime().availableProcessors() + " cpus)";
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (%d cpus)",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
