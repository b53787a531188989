package io.qps.runner;

import io.qps.producer.session.SessionId;
import io.qps.schemas.RunMode;
import io.qps.stream.topology.MergeMode;
import java.util.Objects;

/**
 * One run to execute.
 *
 * @param session the session whose ticks topic is consumed
 * @param run the run id ({@code live}, {@code replay-N}); its output topics are {@code qps.<session>.<run>.*}
 * @param mode live (consumed while published) or replay (after a reset)
 * @param threads {@code num.stream.threads}, at least 1
 * @param mergeMode {@link MergeMode#GATED} for every real run; {@link MergeMode#ARRIVAL_ORDER} only from tests
 * @param promptCommits whether tasks ask for a commit as soon as they forward an output instead of waiting for the
 *     commit interval (at most one per 10 ms per task, none while the thread is catching up): for live runs at a
 *     real-time pace, where outputs should be visible within milliseconds; off for replays and full-speed
 *     publishing, where the interval batches them
 */
public record RunRequest(SessionId session, String run, RunMode mode, int threads, MergeMode mergeMode,
                         boolean promptCommits) {
    /** A run with prompt commits when live, not when a replay. */
    public RunRequest(SessionId session, String run, RunMode mode, int threads, MergeMode mergeMode) {
        this(session, run, mode, threads, mergeMode, mode == RunMode.LIVE);
    }

    /** Validates. */
    public RunRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mergeMode, "mergeMode");
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be within 1..64, was " + threads);
        }
    }

    /** The Streams application id of a session: {@code qps-<session>} (one application per session). */
    public static String applicationId(SessionId session) {
        return "qps-" + session.value();
    }

    /** This run's application id. */
    public String applicationId() {
        return applicationId(session);
    }
}
