package io.qps.verify;

import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.instrument.Universe;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.RunStatus;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.runner.RunOutputReader;
import io.qps.stream.topology.RunTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a session on a cluster: checks the session and its runs exist and are complete, reads the live and
 * replay runs' output topics ({@code read_committed}), runs the reference engine on the session's dataset file
 * (whose SHA-256 must be the manifest's) with the engine configuration the manifest records, and compares the three,
 * streaming: no run is held in memory whole.
 */
public final class SessionVerifier {
    private final SessionCatalog sessions;
    private final RunCatalog runs;
    private final RunOutputReader reader;
    private final SchemaRegistryClient registry;
    private final Map<String, Object> kafka;
    private final Duration timeout;

    public SessionVerifier(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.timeout = timeout;
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

    /**
     * Compares live run {@code live} and replay run {@code replay} with the reference engine on {@code dataset},
     * each read once, record by record (the dataset streams from its file), sorted on disk in
     * {@link SpillSettings#defaults()}.
     */
    public Verification verify(SessionId session, String live, String replay, Path dataset) {
        return verify(session, live, replay, dataset, SpillSettings.defaults());
    }

    /** {@link #verify(SessionId, String, String, Path)} sorting in {@code spill}. */
    public Verification verify(SessionId session, String live, String replay, Path dataset, SpillSettings spill) {
        SessionEntry entry = session(session);
        RunManifest liveRun = run(session, live == null ? RunCatalog.LIVE : live, false);
        RunManifest replayRun = run(session, replay, true);
        try (DatasetReader data = DatasetReader.open(dataset)) {
            String expected = entry.manifest().getDatasetSha256().toString();
            if (!data.sha256().equals(expected)) {
                throw new VerifyException("dataset " + dataset + " has sha256 " + data.sha256() + " but session "
                        + session + " was published from " + expected + "; pass the session's dataset with --dataset"
                        + " (regenerate it with 'qps generate --days " + entry.manifest().getDays() + " --seed "
                        + entry.manifest().getSeed() + "')");
            }
            Universe universe = data.header().universe();
            EngineConfig config = engineConfig(entry);
            Verification v = Verification.of(session.toString(), Provenance.of(entry.manifest()),
                    source(session, liveRun.getRun().toString()), source(session, replayRun.getRun().toString()),
                    RunSource.reference(universe, config, data), universe, config, InputEvents.of(dataset), spill);
            return v.withQuarantined(Verification.Quarantined.of(deadLetters(session, liveRun.getRun().toString()),
                    deadLetters(session, replayRun.getRun().toString())));
        }
    }

    /** The engine configuration the session's manifest records (the one its runs used). */
    public static EngineConfig engineConfig(SessionEntry session) {
        try {
            return session.engineConfig();
        } catch (IllegalStateException e) {
            throw new VerifyException(e.getMessage());
        }
    }

    /**
     * Refuses to verify {@code session} against a configuration it was not run with: {@code given} (read from
     * {@code source}) must equal the manifest's engine configuration key by key.
     *
     * @throws VerifyException naming every differing key with the session's and the given value
     */
    public static void requireEngineConfig(SessionEntry session, EngineConfig given, String source) {
        EngineConfig recorded = engineConfig(session);
        List<EngineConfigFile.Difference> differences = EngineConfigFile.differences(recorded, given);
        if (!differences.isEmpty()) {
            List<String> keys = differences.stream().map(EngineConfigFile.Difference::toString).toList();
            throw new VerifyException("session " + session.session() + " was run with another engine configuration"
                    + " (sha256 " + EngineConfigFile.sha256(recorded) + ") than " + source + " (sha256 "
                    + EngineConfigFile.sha256(given) + "): " + differences.size() + " key"
                    + (differences.size() == 1 ? "" : "s") + " differ, session vs given: " + String.join(", ", keys)
                    + "; verify without --engine-config to use the session's own, or publish a new session with "
                    + source);
        }
    }

    /**
     * The canonical form of run {@code run}'s dead-letter topic: the ticks records it quarantined, read
     * {@code read_committed}, at most {@link DeadLetters#DEFAULT_CAP}.
     */
    public DeadLetters deadLetters(SessionId session, String run) {
        return DeadLetterTopic.read(kafka, timeout, run, topics(session, run).dlq(), DeadLetters.DEFAULT_CAP);
    }

    /** Run {@code run} of the session as a source read from its output topics (record by record). */
    public RunSource source(SessionId session, String run) {
        return new TopicRunSource(kafka, registry, timeout, run, topics(session, run));
    }

    /** Run {@code run} of the session read back from its output topics (it must exist and be complete). */
    public RunResults read(SessionId session, String run) {
        return RunResults.of(run, reader.read(topics(session, run), registry));
    }

    private static RunTopics topics(SessionId session, String run) {
        return new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                TopicNames.positions(session, run), TopicNames.pnl(session, run));
    }

    private static int replayNumber(RunManifest r) {
        return Integer.parseInt(r.getRun().toString().substring(RunCatalog.REPLAY_PREFIX.length()));
    }

    private static String known(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
