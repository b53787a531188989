package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionEntry;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.SessionManifests;
import io.qps.schemas.RunManifest;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qps sessions}: the session catalog with each session's runs; {@code sessions delete} removes one. */
@Command(name = "sessions", mixinStandardHelpOptions = true, subcommands = SessionsDeleteCommand.class,
        description = {"List the sessions (catalog qps.sessions) with their runs (catalog qps.runs).",
            "For each session and run: status, events, partitions, dataset and configuration hashes, engine"
                + " configuration hash, times. 'qps sessions delete ID --yes' removes a session."})
public final class SessionsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Override
    public Integer call() {
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        PrintWriter w = spec.commandLine().getOut();
        try {
            Map<String, SessionEntry> sessions = new SessionCatalog(cluster.kafkaClientProperties(), registry,
                    DataPlaneAccess.TIMEOUT).all();
            RunCatalog runs = new RunCatalog(cluster.kafkaClientProperties(), registry, DataPlaneAccess.TIMEOUT);
            if (sessions.isEmpty()) {
                w.println("no sessions (publish one with 'qps publish' or 'qps live')");
            }
            for (SessionEntry e : sessions.values()) {
                SessionManifest m = e.manifest();
                w.printf("%s  %s  %,d events  %d partitions  seed %d  days %d  dataset %s  config %s  engine config"
                        + " %s  created %s%n", m.getSessionId(), e.complete() ? "published" : "PUBLISHING",
                        m.getEvents(), m.getPartitions(), m.getSeed(), m.getDays(), m.getDatasetSha256(),
                        m.getConfigHash(), engineConfigHash(m), time(m.getCreatedMillis()));
                List<RunManifest> list = runs.runs(SessionId.of(m.getSessionId().toString()));
                for (RunManifest r : list) {
                    w.printf("  %-10s %-8s %,d events  %d partitions  %d threads  engine config %s  %s -> %s%s%n",
                            r.getRun(), r.getStatus(), r.getEvents(), r.getPartitions(), r.getThreads(),
                            r.getEngineConfigHash(), time(r.getStartedMillis()), time(r.getFinishedMillis()),
                            r.getError().length() == 0 ? "" : "  error: " + r.getError());
                }
                if (list.isEmpty()) {
                    w.println("  (no runs)");
                }
            }
        } catch (KafkaException | IllegalStateException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
        w.flush();
        return 0;
    }

    /** The session's engine configuration hash, or why it cannot be read, without failing the listing. */
    private static String engineConfigHash(SessionManifest m) {
        try {
            return SessionManifests.engineConfigHash(m);
        } catch (IllegalStateException e) {
            return "unreadable";
        }
    }

    private static String time(long millis) {
        return millis == 0 ? "-" : Instant.ofEpochMilli(millis).toString();
    }
}
