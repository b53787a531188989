package io.qps.runner;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.engine.OutputTopic;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.PartitionAssignments;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.MergeMode;
import io.qps.stream.topology.QpsTopology;
import io.qps.stream.topology.RunTopics;
import io.qps.stream.topology.TopologySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs one run of a session to completion: creates the run's output topics, records it RUNNING in the run catalog,
 * starts Kafka Streams on the session's ticks topic, waits until the portfolio task has released the session's last
 * seq, closes the application cleanly (which commits the last transaction and leaves the consumer group) and records
 * the run COMPLETE. Any failure (a stream thread's exception, a stall, a broker that went away, an abort from the
 * caller) closes the application, records the run FAILED with the reason, and throws a {@link RunException}. Every
 * run uses the engine configuration the session's manifest records.
 */
public final class SessionRunner {
    private static final long POLL_MILLIS = 100;

    private final RunnerSettings settings;
    private final SchemaRegistryClient registry;
    private final Consumer<String> log;

    /**
     * @param settings cluster, registry, folders and timeouts
     * @param registry the schema registry client (run catalog values)
     * @param log where progress lines go
     */
    public SessionRunner(RunnerSettings settings, SchemaRegistryClient registry, Consumer<String> log) {
        this.settings = settings;
        this.registry = registry;
        this.log = log;
    }

    /** The run catalog on this runner's cluster. */
    public RunCatalog catalog() {
        return new RunCatalog(settings.kafka(), registry, settings.timeout());
    }

    /** The session's universe, from its manifest (instrument id order). */
    /** The topology spec of run {@code run} of a session: what every instance of the run's application builds. */
    static TopologySpec spec(SessionManifest m, SessionId session, String run, MergeMode mode, EngineConfig config,
                             RunnerSettings settings) {
        return new TopologySpec(TopicNames.ticks(session), m.getPartitions(), run, OutputTopicsAdmin.topics(session,
                run), universe(m), config, StreamsProperties.serdeConfig(settings), mode,
                PartitionAssignments.of(m).partitionOf(), settings.badRecords());
    }

    public static Universe universe(SessionManifest manifest) {
        List<Instrument> instruments = new ArrayList<>();
        for (InstrumentSpec s : manifest.getInstruments()) {
            instruments.add(MarketEventMapping.toCore(s));
        }
        return new Universe(instruments);
    }

    /**
     * Runs {@code request} over the session to its last seq.
     *
     * @param request the run
     * @param session the session's catalog entry (its manifest gives the universe, partitions and event count)
     * @param onStarted called once the application has been started (a live run starts publishing then)
     * @param abort polled while waiting; a non-null value is a reason to stop the run as FAILED
     * @param warnings lines to carry into the outcome (what the checks before the run found)
     * @return the completed run
     * @throws RunException if the run cannot start or does not complete
     */
    public RunOutcome run(RunRequest request, SessionEntry session, Runnable onStarted, Supplier<String> abort,
                          List<String> warnings) {
        return run(request, session, onStarted, abort, warnings, false);
    }

    /**
     * As {@link #run(RunRequest, SessionEntry, Runnable, Supplier, List)}; with {@code resume} the run's output
     * topics may already hold records: the application carries on from its committed offsets and changelogged
     * state (exactly-once), as after a crash of the process that ran it.
     */
    public RunOutcome run(RunRequest request, SessionEntry session, Runnable onStarted, Supplier<String> abort,
                          List<String> warnings, boolean resume) {
        SessionManifest m = session.manifest();
        EngineConfig config = engineConfig(session);
        String ticks = TopicNames.ticks(request.session());
        RunTopics outputs = OutputTopicsAdmin.topics(request.session(), request.run());
        RunCatalog catalog = catalog();
        long startedMillis = System.currentTimeMillis();
        RunManifest running = RunManifest.newBuilder()
                .setSessionId(request.session().value()).setRun(request.run()).setStatus(RunStatus.RUNNING)
                .setMode(request.mode()).setPartitions(m.getPartitions()).setThreads(request.threads())
                .setMergeMode(request.mergeMode().name()).setBadRecords(settings.badRecords().name()).setEvents(0).setCreatedBy(QpsVersion.get())
                .setDatasetSha256(m.getDatasetSha256()).setConfigHash(m.getConfigHash())
                .setEngineConfigHash(EngineConfigHash.of(config)).setStartedMillis(startedMillis)
                .setFinishedMillis(0).setError("").build();
        try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
            try {
                admin.checkReachable();
                catalog.ensureTopic(admin.admin(), settings.topics());
                OutputTopicsAdmin.create(admin, outputs, m.getPartitions(), settings.topics(),
                        settings.timeout().toMillis(), resume);
                catalog.record(running);
            } catch (PublishException | IllegalStateException e) {
                throw new RunException(e.getMessage(), e);
            }
            TopologySpec spec = spec(m, request.session(), request.run(), request.mergeMode(), config, settings);
            long start = System.nanoTime();
            long released;
            try {
                released = execute(request, spec, m.getEvents(), admin, onStarted, abort);
            } catch (RunException e) {
                recordFailed(catalog, running, e);
                throw e;
            } catch (RuntimeException e) {
                RunException failed = new RunException("run " + request.run() + " of " + request.session()
                        + " failed: " + StallReport.rootMessage(e), e);
                recordFailed(catalog, running, failed);
                throw failed;
            }
            long elapsed = System.nanoTime() - start;
            RunManifest complete = RunManifest.newBuilder(running).setStatus(RunStatus.COMPLETE).setEvents(released)
                    .setFinishedMillis(System.currentTimeMillis()).build();
            catalog.record(complete);
            RunOutputReader reader = new RunOutputReader(settings.kafka(), settings.timeout());
            Map<OutputTopic, Long> counts = reader.counts(outputs);
            long quarantined = reader.quarantined(outputs);
            if (quarantined > 0) {
                warnings = new java.util.ArrayList<>(warnings);
                warnings.add(String.format(Locale.ROOT, "%,d bad ticks records quarantined in %s (topic, partition,"
                        + " offset and reason in each record's qps.dlq.* headers)", quarantined, outputs.dlq()));
            }
            return new RunOutcome(complete, counts, elapsed, warnings);
        }
    }

    /** The engine configuration the session's manifest records, the one every run of it uses. */
    static EngineConfig engineConfig(SessionEntry session) {
        try {
            return session.engineConfig();
        } catch (IllegalStateException e) {
            throw new RunException(e.getMessage(), e);
        }
    }

    /** Records the run FAILED; if even that fails (the broker went away), says so and keeps the run's reason. */
    private void recordFailed(RunCatalog catalog, RunManifest running, RunException e) {
        try {
            catalog.record(RunManifest.newBuilder(running).setStatus(RunStatus.FAILED)
                    .setFinishedMillis(System.currentTimeMillis()).setError(e.getMessage()).build());
        } catch (RuntimeException recordFailure) {
            e.addSuppressed(recordFailure);
            log.accept("could not record run " + running.getRun() + " as FAILED in " + TopicNames.RUNS + ": "
                    + recordFailure.getMessage());
        }
    }

    private long execute(RunRequest request, TopologySpec spec, long events, TopicAdmin admin, Runnable onStarted,
                         Supplier<String> abort) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        KafkaStreams streams = new KafkaStreams(QpsTopology.build(spec), StreamsProperties.of(request, settings));
        streams.setUncaughtExceptionHandler(new RecoveringHandler(failure, log));
        boolean closed = false;
        try {
            if (request.mode() == io.qps.schemas.RunMode.REPLAY) {
                streams.cleanUp();
            }
            streams.start();
            log.accept(String.format(Locale.ROOT, "run %s of %s: application %s started (%d threads, %d partitions),"
                    + " waiting for seq %,d", request.run(), request.session(), request.applicationId(),
                    request.threads(), spec.partitions(), events));
            onStarted.run();
            long released = await(request, streams, events, spec.partitions(), admin, failure, abort);
            closed = close(streams);
            if (!closed) {
                throw new RunException("run " + request.run() + " reached seq " + released + " but the application"
                        + " did not close within " + settings.timeout().multipliedBy(3).toSeconds() + " s, so its last"
                        + " transaction may not be committed");
            }
            return released;
        } finally {
            if (!closed) {
                close(streams);
            }
        }
    }

    private long await(RunRequest request, KafkaStreams streams, long events, int partitions, TopicAdmin admin,
                       AtomicReference<Throwable> failure, Supplier<String> abort) {
        RemoteCompletion[] remote = {null};
        try {
            return awaitLoop(request, streams, events, partitions, admin, failure, abort, remote);
        } finally {
            if (remote[0] != null) {
                remote[0].close();
            }
        }
    }

    private long awaitLoop(RunRequest request, KafkaStreams streams, long events, int partitions, TopicAdmin admin,
                           AtomicReference<Throwable> failure, Supplier<String> abort, RemoteCompletion[] remote) {
        long last = -1;
        long lastProgress = System.nanoTime();
        long lastLog = lastProgress;
        long committed = -1;
        long unreachableSince = -1;
        while (true) {
            sleep();
            Throwable f = failure.get();
            if (f != null || streams.state() == KafkaStreams.State.ERROR) {
                throw new RunException("run " + request.run() + " of " + request.session() + " failed: a stream"
                        + " thread died: " + (f == null ? "state ERROR" : StallReport.rootMessage(f)), f);
            }
            String reason = abort.get();
            if (reason != null) {
                throw new RunException("run " + request.run() + " of " + request.session() + " stopped: " + reason);
            }
            long seq = QpsTopology.releasedSeq(streams);
            if (seq < 0 && streams.state() == KafkaStreams.State.RUNNING) {
                // the portfolio task runs in another instance (a worker): completion from the committed topics
                if (remote[0] == null) {
                    remote[0] = new RemoteCompletion(settings.kafka(), OutputTopicsAdmin.topics(request.session(),
                            request.run()).partials(), partitions, request.applicationId(),
                            settings.timeout().toMillis());
                }
                try {
                    if (remote[0].complete(admin)) {
                        seq = events;
                    }
                } catch (Exception e) {
                    log.accept("run " + request.run() + ": cannot read the run's progress yet: "
                            + StallReport.rootMessage(e));
                }
            }
            long now = System.nanoTime();
            if (seq > last) {
                last = seq;
                lastProgress = now;
            }
            if (seq == events) {
                String problem = QpsTopology.inputProblem(streams);
                if (problem != null) {
                    throw new RunException("run " + request.run() + " of " + request.session() + ": " + problem);
                }
                log.accept(String.format(Locale.ROOT, "run %s: released seq %,d of %,d, closing", request.run(),
                        seq, events));
                return seq;
            }
            if (seq > events) {
                throw new RunException("run " + request.run() + " released seq " + seq + " beyond the session's"
                        + " last seq " + events);
            }
            if (now - lastProgress > settings.stallTimeout().toNanos()) {
                String down = StallReport.unreachable(admin, settings.bootstrap(), 2_000);
                if (down != null) {
                    if (unreachableSince < 0) {
                        unreachableSince = now;
                        log.accept("run " + request.run() + ": " + down + "; waiting up to "
                                + settings.brokerWindow().toSeconds() + " s for it to come back (the run goes on from"
                                + " its last commit when it does)");
                    }
                    if (now - unreachableSince > settings.brokerWindow().toNanos()) {
                        throw new RunException("run " + request.run() + " of " + request.session() + ": Kafka at "
                                + settings.bootstrap() + " has not answered for " + settings.brokerWindow().toSeconds()
                                + " s (the window; --broker-window sets it): " + down + "; when it is back, resume"
                                + " with 'qps live --session-id " + request.session() + " --attach' or replay");
                    }
                    continue;
                }
                if (unreachableSince >= 0) {
                    log.accept("run " + request.run() + ": Kafka at " + settings.bootstrap() + " answers again after "
                            + (now - unreachableSince) / 1_000_000_000L + " s; carrying on");
                    unreachableSince = -1;
                    lastProgress = now;
                    continue;
                }
                throw new RunException("run " + request.run() + " of " + request.session() + " made no progress for "
                        + settings.stallTimeout().toSeconds() + " s (released seq " + Math.max(last, 0) + " of " + events
                        + ", no input offset committed since): " + StallReport.describe(streams, admin,
                        request.applicationId(), settings.bootstrap(), settings.timeout().toMillis()));
            }
            if (now - lastLog > settings.progressInterval().toNanos()) {
                lastLog = now;
                long sum = StallReport.committedSum(admin, request.applicationId(), settings.timeout().toMillis());
                if (sum >= 0 && sum != committed) {
                    committed = sum;
                    lastProgress = now;
                }
                log.accept(String.format(Locale.ROOT, "run %s: released seq %,d of %,d (%.1f%%), %s, %,d input"
                        + " offsets committed", request.run(), Math.max(seq, 0), events,
                        100.0 * Math.max(seq, 0) / Math.max(events, 1), streams.state(), Math.max(committed, 0)));
            }
        }
    }

    private boolean close(KafkaStreams streams) {
        return streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(settings.timeout().multipliedBy(3)));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted while waiting for the run", e);
        }
    }
}
