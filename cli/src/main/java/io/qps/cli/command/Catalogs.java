package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.schemas.RunManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.util.List;

/**
 * Looking a session or a run up in the catalogs before a command works on it, so that an unknown one gets the same
 * one line, and exit code 2, from every command.
 */
final class Catalogs {
    private Catalogs() {
    }

    /** The session's manifest entry, or a usage error: {@code no session 'x' (qps sessions lists them)}. */
    static SessionEntry session(ClusterSettings cluster, SchemaRegistryClient registry, SessionId id) {
        return new SessionCatalog(cluster.kafkaClientProperties(), registry, DataPlaneAccess.TIMEOUT).find(id)
                .orElseThrow(() -> noSession(id));
    }

    /**
     * The session's run {@code run}, after checking the session: a usage error
     * {@code no run 'r' in session 'x' (its runs: ...)} if there is no such run.
     */
    static RunManifest run(ClusterSettings cluster, SchemaRegistryClient registry, SessionId id, String run) {
        session(cluster, registry, id);
        List<RunManifest> runs = new RunCatalog(cluster.kafkaClientProperties(), registry, DataPlaneAccess.TIMEOUT)
                .runs(id);
        return runs.stream().filter(r -> r.getRun().toString().equals(run)).findFirst()
                .orElseThrow(() -> noRun(id, run, runs.stream().map(r -> r.getRun().toString()).toList()));
    }

    /** The one wording of an unknown session. */
    static CliException noSession(SessionId id) {
        return new CliException(CliException.USAGE, "no session '" + id + "' (qps sessions lists them)");
    }

    private static CliException noRun(SessionId id, String run, List<String> known) {
        return new CliException(CliException.USAGE, "no run '" + run + "' in session '" + id + "' (its runs: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + "; qps sessions lists them)");
    }
}
