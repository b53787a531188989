package io.qps.runner;

import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.SessionManifests;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.BadRecordPolicy;
import io.qps.stream.topology.MergeMode;
import io.qps.stream.topology.QpsTopology;
import io.qps.stream.topology.TopologySpec;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Joins another application instance to a session's run in progress (live or replay), from this process or another
 * machine: the same application id and topology, so Kafka Streams rebalances the run's tasks over the instances,
 * each task's state moving through its changelog. The run's result does not depend on which instance runs which
 * task. The worker leaves when the run's catalog entry says COMPLETE or FAILED.
 */
public final class WorkerRunner {
    private static final long POLL_MILLIS = 1_000;

    private final RunnerSettings settings;
    private final SchemaRegistryClient registry;
    private final Consumer<String> log;

    public WorkerRunner(RunnerSettings settings, SchemaRegistryClient registry, Consumer<String> log) {
        this.settings = settings;
        this.registry = registry;
        this.log = log;
    }

    /**
     * Waits (up to {@code wait}) for a run of {@code session} in progress, joins it with {@code threads} stream
     * threads, and returns the run's manifest once it has ended.
     */
    public RunManifest join(SessionId session, int threads, Duration wait) throws InterruptedException {
        SessionEntry entry = new SessionCatalog(settings.kafka(), registry, settings.timeout()).find(session)
                .orElseThrow(() -> new RunException("unknown session '" + session + "': publish it first"));
        RunCatalog runs = new RunCatalog(settings.kafka(), registry, settings.timeout());
        RunManifest running = awaitRunning(runs, session, wait);
        String run = running.getRun().toString();
        MergeMode mode = MergeMode.valueOf(running.getMergeMode().toString());
        // every instance of a run must apply the run's own policy for bad records, whatever this one was given
        RunnerSettings runSettings = settings.withBadRecords(BadRecordPolicy.valueOf(running.getBadRecords().toString()));
        TopologySpec spec = SessionRunner.spec(entry.manifest(), session, run, mode,
                SessionManifests.engineConfig(entry.manifest()), runSettings);
        RunRequest request = new RunRequest(session, run, running.getMode(), threads, mode);
        Properties props = StreamsProperties.of(request, settings);
        String worker = "worker-" + UUID.randomUUID().toString().substring(0, 8);
        props.put(StreamsConfig.CLIENT_ID_CONFIG, request.applicationId() + "-" + run + "-" + worker);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().resolve(worker).toAbsolutePath().toString());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams streams = new KafkaStreams(QpsTopology.build(spec), props)) {
            streams.setUncaughtExceptionHandler(new RecoveringHandler(failure, log));
            streams.start();
            log.accept("worker " + worker + " joined run " + run + " of " + session + " (application "
                    + request.applicationId() + ", " + threads + " threads); it leaves when the run ends");
            while (true) {
                Thread.sleep(POLL_MILLIS);
                Throwable f = failure.get();
                if (f != null || streams.state() == KafkaStreams.State.ERROR) {
                    throw new RunException("worker " + worker + " of run " + run + " of " + session + " failed: "
                            + (f == null ? "state ERROR" : StallReport.rootMessage(f)), f);
                }
                Optional<RunManifest> now = runs.find(session, run);
                if (now.isPresent() && now.get().getStatus() != RunStatus.RUNNING) {
                    streams.close(CloseOptions.groupMembershipOperation(
                            CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(settings.timeout()));
                    log.accept("run " + run + " of " + session + " is " + now.get().getStatus() + "; worker " + worker
                            + " left");
                    return now.get();
                }
            }
        } finally {
            try {
                org.apache.kafka.common.utils.Utils.delete(settings.stateDir().resolve(worker).toFile());
            } catch (java.io.IOException e) {
                log.accept("could not delete the worker's state folder: " + e.getMessage());
            }
        }
    }

    private RunManifest awaitRunning(RunCatalog runs, SessionId session, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        while (true) {
            Optional<RunManifest> running = runs.runs(session).stream()
                    .filter(r -> r.getStatus() == RunStatus.RUNNING)
                    .max(Comparator.comparingLong(RunManifest::getStartedMillis));
            if (running.isPresent()) {
                return running.get();
            }
            if (System.nanoTime() > deadline) {
                throw new RunException("session '" + session + "' has no run in progress within " + wait.toSeconds()
                        + " s: start 'qps live' or 'qps replay' of it, then the worker");
            }
            if (!said) {
                log.accept("waiting up to " + wait.toSeconds() + " s for a run of " + session + " to start");
                said = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
