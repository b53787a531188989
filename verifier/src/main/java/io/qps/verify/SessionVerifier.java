package io.qps.verify;

import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.app.RunOutputReader;
import io.qps.stream.topology.RunTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a session on a cluster: checks the session and its runs exist and are complete, reads the live and
 * replay runs' output topics ({@code read_committed}), runs the reference engine on the session's dataset file
 * (whose SHA-256 must be the manifest's) and compares the three.
 */
public final class SessionVerifier {
    private final SessionCatalog sessions;
    private final RunCatalog runs;
    private final RunOutputReader reader;
    private final SchemaRegistryClient registry;

    public SessionVerifier(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout) {
        this.sessions = new SessionCatalog(kafkaProperties, registry, timeout);
        this.runs = new RunCatalog(kafkaProperties, registry, timeout);
        this.reader = new RunOutputReader(kafkaProperties, timeout);
        this.registry = registry;
    }

    /** The session's manifest entry, or a {@link VerifyException} naming the sessions that exist. */
    public SessionEntry session(SessionId session) {
        return sessions.find(session).orElseThrow(() -> new VerifyException("unknown session " + session
                + " (known sessions: " + known(sessions.all().keySet()) + "); publish it with 'qps live --session-id "
                + session + "' first"));
    }

    /**
     * The run to verify: {@code run} if given, else (for the replay side) the latest complete {@code replay-N}.
     * It must be COMPLETE.
     */
    public RunManifest run(SessionId session, String requested, boolean replay) {
        String run = requested == null && !replay ? RunCatalog.LIVE : requested;
        List<RunManifest> all = runs.runs(session);
        List<String> ids = new ArrayList<>();
        all.forEach(r -> ids.add(r.getRun().toString()));
        RunManifest chosen = null;
        if (run != null) {
            for (RunManifest r : all) {
                if (r.getRun().toString().equals(run)) {
                    chosen = r;
                }
            }
            if (chosen == null) {
                throw new VerifyException("session " + session + " has no run " + run + " (runs: " + known(ids) + ")");
            }
        } else if (replay) {
            for (RunManifest r : all) {
                if (r.getRun().toString().startsWith(RunCatalog.REPLAY_PREFIX) && r.getStatus() == RunStatus.COMPLETE
                        && (chosen == null || replayNumber(r) > replayNumber(chosen))) {
                    chosen = r;
                }
            }
            if (chosen == null) {
                throw new VerifyException("session " + session + " has no complete replay run (runs: " + known(ids)
                        + "); run 'qps replay --session-id " + session + "' first");
            }
        }
        if (chosen.getStatus() == RunStatus.RUNNING) {
            throw new VerifyException("run " + chosen.getRun() + " of session " + session + " is still in progress ("
                    + chosen.getEvents() + " events released so far); wait for it to finish, or, if its process"
                    + " died, resume it with 'qps live --session-id " + session + " --attach'");
        }
        if (chosen.getStatus() == RunStatus.FAILED) {
            throw new VerifyException("run " + chosen.getRun() + " of session " + session + " failed: "
                    + chosen.getError());
        }
        return chosen;
    }

    /** Compares live run {@code live} and replay run {@code replay} with the reference engine on {@code dataset}. */
    public Verification verify(SessionId session, String live, String replay, Path dataset) {
        SessionEntry entry = session(session);
        RunManifest liveRun = run(session, live == null ? RunCatalog.LIVE : live, false);
        RunManifest replayRun = run(session, replay, true);
        Dataset data = DatasetReader.load(dataset);
        String expected = entry.manifest().getDatasetSha256().toString();
        if (!data.sha256().equals(expected)) {
            throw new VerifyException("dataset " + dataset + " has sha256 " + data.sha256() + " but session "
                    + session + " was published from " + expected + "; pass the session's dataset with --dataset"
                    + " (regenerate it with 'qps generate --days " + entry.manifest().getDays() + " --seed "
                    + entry.manifest().getSeed() + "')");
        }
        Universe universe = data.header().universe();
        EngineConfig config = EngineConfig.defaults();
        List<MarketEvent> events = data.events();
        RunResults reference = RunResults.reference(ReferenceRun.run(universe, config, events));
        RunResults liveResults = read(session, liveRun.getRun().toString());
        RunResults replayResults = read(session, replayRun.getRun().toString());
        return Verification.of(session.toString(), Provenance.of(entry.manifest()), liveResults, replayResults,
                reference, universe, config, seq -> seq >= 1 && seq <= events.size() ? events.get((int) (seq - 1)).toString() : "no event " + seq);
    }

    /** Run {@code run} of the session read back from its output topics (it must exist and be complete). */
    public RunResults read(SessionId session, String run) {
        RunTopics topics = new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                TopicNames.positions(session, run), TopicNames.pnl(session, run));
        return RunResults.of(run, reader.read(topics, registry));
    }

    private static int replayNumber(RunManifest r) {
        return Integer.parseInt(r.getRun().toString().substring(RunCatalog.REPLAY_PREFIX.length()));
    }

    private static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
