package io.qps.runner;

import io.qps.producer.publish.PacingClock;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.PublishResult;
import io.qps.producer.publish.Publisher;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunMode;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.MergeMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The live run of a session ({@code live}): the application consumes the ticks topic while the events arrive.
 *
 * <p>{@link #publishAndRun} publishes the dataset from this process: the publisher prepares the ticks topic and
 * records the manifest, the application starts, and only then does the publisher send the events (paced or as fast
 * as possible) on its own thread while the application consumes them. {@link #attach} consumes a session that
 * another process publishes, after waiting (bounded) for its manifest; it also resumes a live run whose process
 * died (status RUNNING or FAILED, no member left in the consumer group).
 */
public final class LiveRunner {
    private final RunnerSettings settings;
    private final SchemaRegistryClient registry;
    private final Consumer<String> log;

    /**
     * @param settings cluster, registry, folders and timeouts
     * @param registry the schema registry client
     * @param log where progress lines go
     */
    public LiveRunner(RunnerSettings settings, SchemaRegistryClient registry, Consumer<String> log) {
        this.settings = settings;
        this.registry = registry;
        this.log = log;
    }

    /** The outcome of a live run that published its dataset itself. */
    public record Published(RunOutcome run, PublishResult publish) {
    }

    /**
     * Publishes {@code request}'s dataset while the live run consumes it.
     *
     * @param request what to publish (a new session, or {@code force})
     * @param threads {@code num.stream.threads}
     * @param mergeMode {@link MergeMode#GATED}; {@link MergeMode#ARRIVAL_ORDER} only from tests
     * @param progress the publisher's progress
     * @throws RunException if publishing or the run fails
     */
    public Published publishAndRun(PublishRequest request, int threads, MergeMode mergeMode, Progress progress)
            throws InterruptedException {
        requireNoLiveRun(request.session());
        CountDownLatch prepared = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<SessionEntry> entry = new AtomicReference<>();
        AtomicReference<PublishResult> published = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Publisher publisher = new Publisher(settings.kafka(), registry, PacingClock.system(), progress,
                settings.timeout());
        Thread thread = new Thread(() -> {
            try {
                published.set(publisher.publish(request, e -> {
                    entry.set(e);
                    prepared.countDown();
                    awaitQuietly(started);
                    if (cancelled.get()) {
                        throw new PublishException("the live run did not start; nothing was published");
                    }
                }));
            } catch (InterruptedException e) {
                failure.set(new PublishException("publishing was interrupted", e));
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                prepared.countDown();
            }
        }, "qps-live-publisher");
        thread.setDaemon(true);
        thread.start();
        prepared.await();
        if (entry.get() == null) {
            thread.join();
            RuntimeException f = failure.get();
            throw new RunException("publishing " + request.dataset() + " failed: "
                    + (f == null ? "unknown reason" : f.getMessage()), f);
        }
        RunOutcome outcome;
        try {
            outcome = new SessionRunner(settings, registry, log).run(
                    new RunRequest(request.session(), RunCatalog.LIVE, RunMode.LIVE, threads, mergeMode,
                            !request.speed().isMax()),
                    entry.get(), started::countDown,
                    () -> failure.get() == null ? null : "publishing failed: " + failure.get().getMessage(),
                    List.of());
        } catch (RuntimeException e) {
            cancelled.set(true);
            started.countDown();
            thread.join();
            throw e;
        }
        thread.join();
        if (failure.get() != null) {
            throw new RunException("publishing failed: " + failure.get().getMessage(), failure.get());
        }
        return new Published(outcome, published.get());
    }

    /**
     * Consumes a session that another process publishes ({@code qps publish}), waiting up to {@code waitForSession}
     * for its manifest to appear.
     *
     * @throws RunException if the session does not appear in time, already has a live run, or the run fails
     */
    public RunOutcome attach(SessionId session, int threads, MergeMode mergeMode, Duration waitForSession) {
        SessionCatalog sessions = new SessionCatalog(settings.kafka(), registry, settings.timeout());
        long deadline = System.nanoTime() + waitForSession.toNanos();
        boolean told = false;
        Optional<SessionEntry> entry;
        while (true) {
            try {
                entry = sessions.find(session);
            } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
                throw new RunException("cannot read " + TopicNames.SESSIONS + " on " + settings.bootstrap() + ": "
                        + e.getMessage(), e);
            }
            if (entry.isPresent()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new RunException("session '" + session + "' did not appear in " + TopicNames.SESSIONS
                        + " within " + waitForSession.toSeconds() + " s (start 'qps publish --session-id " + session
                        + " ...' in another terminal)");
            }
            if (!told) {
                log.accept("waiting up to " + waitForSession.toSeconds() + " s for session '" + session
                        + "' to be published ('qps publish --session-id " + session + " ...')");
                told = true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted", e);
            }
        }
        Optional<RunManifest> live = new RunCatalog(settings.kafka(), registry, settings.timeout())
                .find(session, RunCatalog.LIVE);
        boolean resume = live.isPresent();
        if (resume) {
            if (live.get().getStatus() == RunStatus.COMPLETE) {
                throw alreadyLive(session, live.get());
            }
            try (TopicAdmin admin = new TopicAdmin(settings.kafka(), settings.timeout())) {
                GroupCheck.requireNoActiveMembers(admin, settings, RunRequest.applicationId(session), session,
                        "resuming its live run", log);
                StaleTransactions.abort(admin, settings, RunRequest.applicationId(session), log);
            }
            log.accept("resuming the live run of " + session + " (status " + live.get().getStatus()
                    + "): the application carries on from its committed offsets and state");
        }
        return new SessionRunner(settings, registry, log).run(
                new RunRequest(session, RunCatalog.LIVE, RunMode.LIVE, threads, mergeMode), entry.get(), () -> { },
                () -> null, List.of(), resume);
    }

    private void requireNoLiveRun(SessionId session) {
        Optional<RunManifest> live = new RunCatalog(settings.kafka(), registry, settings.timeout())
                .find(session, RunCatalog.LIVE);
        if (live.isPresent()) {
            throw alreadyLive(session, live.get());
        }
    }

    private static RunException alreadyLive(SessionId session, RunManifest live) {
        return new RunException("session '" + session + "' already has a live run (status " + live.getStatus()
                + "); replay it with 'qps replay --session-id " + session + "'");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
