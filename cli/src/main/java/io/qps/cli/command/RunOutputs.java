package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.instrument.Universe;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.runner.RunException;
import io.qps.runner.RunOutputReader;
import io.qps.runner.SessionRunner;
import io.qps.stream.topology.RunTopics;
import io.qps.verify.RunResults;
import io.qps.verify.SessionVerifier;
import io.qps.verify.VerifyException;
import java.time.Duration;

/** Reading one run's output topics back for {@code export} and {@code consume --topic}, with one-line errors. */
final class RunOutputs {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * A run read back.
     *
     * @param universe the session's instruments (from its manifest), for decimals
     * @param results every committed record of the run's four topics, in causal-key order
     * @param manifest the run's manifest
     */
    record RunData(Universe universe, RunResults results, RunManifest manifest) {
    }

    private RunOutputs() {
    }

    /** Reads run {@code run} of {@code session} (it must be COMPLETE). */
    static RunData read(ClusterSettings cluster, SessionId session, String run) {
        var registry = DataPlaneAccess.registry(cluster);
        Catalogs.run(cluster, registry, session, run);
        SessionVerifier verifier = new SessionVerifier(cluster.kafkaClientProperties(), registry, TIMEOUT);
        try {
            SessionEntry entry = verifier.session(session);
            RunManifest manifest = verifier.run(session, run, !run.equals("live"));
            RunTopics topics = new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                    TopicNames.positions(session, run), TopicNames.pnl(session, run));
            RunResults results = RunResults.of(run, new RunOutputReader(cluster.kafkaClientProperties(), TIMEOUT)
                    .read(topics, registry));
            return new RunData(SessionRunner.universe(entry.manifest()), results, manifest);
        } catch (VerifyException | RunException | IllegalArgumentException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
    }
}
