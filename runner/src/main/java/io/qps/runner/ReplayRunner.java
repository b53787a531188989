package io.qps.runner;

import io.qps.core.engine.EngineConfig;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.PartitionAssignments;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.SessionManifests;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.MergeMode;
import io.qps.stream.topology.QpsTopology;
import io.qps.stream.topology.TopologySpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Replays a session into a new run {@code replay-N}: checks that the session is known, that no run of it is still
 * running and that no instance of its application is in the consumer group; says what differs between the session's
 * manifest, its live run and the current code; resets the application with Kafka's own {@link StreamsResetter}
 * (ticks offsets to the earliest, internal topics deleted); then runs with {@code KafkaStreams#cleanUp()} before
 * the start. The live run's and earlier replays' output topics are never touched.
 */
public final class ReplayRunner {
    private final RunnerSettings settings;
    private final SchemaRegistryClient registry;
    private final Consumer<String> log;

    /**
     * @param settings cluster, registry, folders and timeouts
     * @param registry the schema registry client
     * @param log where progress lines go
     */
    public ReplayRunner(RunnerSettings settings, SchemaRegistryClient registry, Consumer<String> log) {
        this.settings = settings;
        this.registry = registry;
        this.log = log;
    }

    /**
     * Replays {@code session} with {@code threads} stream threads.
     *
     * @throws RunException with a one-line reason if the session is unknown or still running, or the run fails
     */
    public RunOutcome replay(SessionId session, int threads) {
        return replay(session, threads, MergeMode.GATED);
    }

    /** As {@link #replay(SessionId, int)} with a merge mode; {@link MergeMode#ARRIVAL_ORDER} is for tests only. */
    public RunOutcome replay(SessionId session, int threads, MergeMode mergeMode) {
        SessionRunner runner = new SessionRunner(settings, registry, log);
        SessionEntry entry = requireSession(session);
        EngineConfig config = SessionRunner.engineConfig(entry);
        List<RunManifest> runs = runner.catalog().runs(session);
        for (RunManifest r : runs) {
            if (r.getRun().equals(RunCatalog.LIVE) && r.getStatus() == RunStatus.RUNNING) {
                throw new RunException("session '" + session + "' has its live run still in progress (status RUNNING"
                        + " since " + r.getStartedMillis() + " ms); wait until it completes, or if its process died,"
                        + " resume it with 'qps live --session-id " + session + " --attach'");
            }
        }
        List<String> warnings = differences(entry.manifest(), runs);
        warnings.forEach(w -> log.accept("note: " + w));
        String run = RunCatalog.nextReplay(runs);
        Set<String> internal = InternalTopics.of(QpsTopology.build(new TopologySpec(TopicNames.ticks(session),
                entry.manifest().getPartitions(), run, OutputTopicsAdmin.topics(session, run),
                SessionRunner.universe(entry.manifest()), config,
                StreamsProperties.serdeConfig(settings), mergeMode,
                PartitionAssignments.of(entry.manifest()).partitionOf(), settings.badRecords())),
                RunRequest.applicationId(session));
        reset(session, internal);
        closeAbandoned(runner.catalog(), runs, session, run);
        log.accept("replay of " + session + " into run " + run);
        return runner.run(new RunRequest(session, run, RunMode.REPLAY, threads, mergeMode), entry, () -> { },
                () -> null, warnings);
    }

    /**
     * Records as FAILED every replay run still marked RUNNING: the reset found no instance of the application left,
     * so the process of such a run died (a replay is never resumed; the next one starts over). Without this a killed
     * replay would show RUNNING for ever.
     */
    private void closeAbandoned(RunCatalog catalog, List<RunManifest> runs, SessionId session, String next) {
        for (RunManifest r : runs) {
            if (r.getRun().startsWith(RunCatalog.REPLAY_PREFIX) && r.getStatus() == RunStatus.RUNNING) {
                catalog.record(RunManifest.newBuilder(r).setStatus(RunStatus.FAILED)
                        .setFinishedMillis(System.currentTimeMillis())
                        .setError("its process stopped before it completed (no instance was left when " + next
                                + " started)").build());
                log.accept("note: run " + r.getRun() + " of " + session + " was still marked RUNNING but no instance"
                        + " of it is left: recorded as FAILED");
            }
        }
    }

    private SessionEntry requireSession(SessionId session) {
        Optional<SessionEntry> entry;
        try {
            entry = new SessionCatalog(settings.kafka(), registry, settings.timeout()).find(session);
        } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
            throw new RunException("cannot read " + TopicNames.SESSIONS + " on " + settings.bootstrap() + ": "
                    + e.getMessage(), e);
        }
        if (entry.isEmpty()) {
            throw new RunException("unknown session '" + session + "': it has no manifest in " + TopicNames.SESSIONS
                    + " (publish it with 'qps publish' or run it with 'qps live' first)");
        }
        if (!entry.get().complete()) {
            throw new RunException("session '" + session + "' is still being published (its manifest in "
                    + TopicNames.SESSIONS + " is not complete); replay it once publishing has finished");
        }
        return entry.get();
    }

    /**
     * What differs between the session's manifest, its live run and the current code, one line each. The replay
     * runs the manifest's engine configuration; the live run used another only if the session was published again.
     */
    static List<String> differences(SessionManifest session, List<RunManifest> runs) {
        List<String> notes = new ArrayList<>();
        String current = QpsVersion.get();
        if (!session.getCreatedBy().equals(current)) {
            notes.add("the session was published by qps " + session.getCreatedBy() + ", this is qps " + current);
        }
        String engineHash = SessionManifests.engineConfigHash(session);
        for (RunManifest r : runs) {
            if (!r.getRun().equals(RunCatalog.LIVE)) {
                continue;
            }
            if (!r.getDatasetSha256().equals(session.getDatasetSha256())) {
                notes.add("the live run consumed dataset " + r.getDatasetSha256() + ", the session's manifest now"
                        + " says " + session.getDatasetSha256() + " (the session was published again)");
            }
            if (!r.getConfigHash().equals(session.getConfigHash())) {
                notes.add("the live run's configuration hash " + r.getConfigHash() + " differs from the session's "
                        + session.getConfigHash());
            }
            if (!r.getEngineConfigHash().equals(engineHash)) {
                notes.add("the live run used engine configuration " + r.getEngineConfigHash() + ", the session's"
                        + " manifest now says " + engineHash + " (the session was published again): outputs may differ"
                        + " from the live run");
            }
            if (!r.getCreatedBy().equals(current)) {
                notes.add("the live run ran on qps " + r.getCreatedBy() + ", this is qps " + current);
            }
        }
        return notes;
    }

    private void reset(SessionId session, Set<String> internal) {
        String app = RunRequest.applicationId(session);
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
            try {
                admin.checkReachable();
            } catch (PublishException e) {
                throw new RunException(e.getMessage(), e);
            }
            GroupCheck.requireNoActiveMembers(admin, settings, app, session, "replaying", log);
            StaleTransactions.abort(admin, settings, app, log);
            List<String> args = new ArrayList<>(List.of(
                "--bootstrap-server", settings.bootstrap(),
                "--application-id", app,
                "--input-topics", TopicNames.ticks(session),
                "--to-earliest"));
            Set<String> existing = new TreeSet<>(listTopics(admin));
            Set<String> ours = new TreeSet<>(internal);
            ours.retainAll(existing);
            boolean othersMatch = existing.stream().anyMatch(t -> t.startsWith(app + "-") && !internal.contains(t)
                    && StreamsResetter.matchesInternalTopicFormat(t));
            if (!ours.isEmpty()) {
                args.add("--internal-topics");
                args.add(String.join(",", ours));
            } else if (othersMatch) {
                throw new RunException("cannot reset " + app + " safely: it has no internal topics of its own, but"
                        + " topics of another application share its prefix '" + app + "-'");
            }
            Properties config = new Properties();
            for (Map.Entry<String, Object> e : settings.kafka().entrySet()) {
                config.put(e.getKey(), String.valueOf(e.getValue()));
            }
            log.accept("reset: StreamsResetter " + String.join(" ", args));
            // The tool's admin client reads only --command-config (the Properties reach its consumer alone), so a
            // secured cluster's SASL settings go to it in an owner-only temporary file.
            Path commandConfig = writeCommandConfig(config);
            args.add("--command-config");
            args.add(commandConfig.toString());
            int exit;
            try {
                exit = new StreamsResetter().execute(args.toArray(new String[0]), config);
            } finally {
                deleteQuietly(commandConfig);
            }
            if (exit != 0) {
                throw new RunException("StreamsResetter failed for application " + app + " (exit " + exit
                        + "); its message is above");
            }
            awaitInternalTopicsGone(admin, ours);
        }
    }

    private void awaitInternalTopicsGone(TopicAdmin admin, Set<String> deleted) {
        long deadline = System.nanoTime() + settings.timeout().toNanos() * 6;
        while (true) {
            Set<String> left = new TreeSet<>(deleted);
            left.retainAll(listTopics(admin));
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RunException("internal topics still exist after the reset: " + left);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted", e);
            }
        }
    }

    private Set<String> listTopics(TopicAdmin admin) {
        try {
            return admin.admin().listTopics().names().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RunException("cannot list topics on " + settings.bootstrap() + ": "
                    + StallReport.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted", e);
        }
    }

    private static Path writeCommandConfig(Properties config) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Path file = posix ? Files.createTempFile("qps-reset", ".properties",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("qps-reset", ".properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                config.store(writer, "StreamsResetter admin client settings; deleted after the reset");
            }
            return file;
        } catch (IOException e) {
            throw new RunException("cannot write the reset tool's client config: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
