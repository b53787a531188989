package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.RunCatalog;
import io.qps.producer.session.SessionCatalog;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.RunManifest;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qps sessions delete ID --yes}: removes a session: its ticks topic, every run's output topics, its
 * application's internal topics, the registry subjects of those topics, its manifests (tombstones in
 * {@code qps.sessions}, {@code qps.runs} and {@code qps.results}) and its local state folder. Without {@code --yes} it
 * lists what it would delete and changes nothing.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a session: its topics, registry subjects, manifests and local state.",
            "Deletes the session's topics (ticks, every run's outputs, the application's internal topics), their"
                + " registry subjects, its manifests (tombstones in qps.sessions, qps.runs and qps.results) and its"
                + " local Streams state. Without --yes: lists what would go, deletes nothing.",
            "Refused while the session's application has active members."})
public final class SessionsDeleteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Parameters(index = "0", paramLabel = "ID", description = "The session id.")
    private String session;

    @Option(names = "--yes", description = "Really delete.")
    private boolean yes;

    @Mixin
    private LocalOptions local;

    @Override
    public Integer call() {
        SessionId id = DataPlaneAccess.session(session);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        PrintWriter w = spec.commandLine().getOut();
        String app = "qps-" + id.value();
        Path state = local.dataDir().resolve("streams").resolve(app);
        try (TopicAdmin admin = new TopicAdmin(cluster.kafkaClientProperties(), DataPlaneAccess.TIMEOUT)) {
            SessionCatalog sessions = new SessionCatalog(cluster.kafkaClientProperties(), registry,
                    DataPlaneAccess.TIMEOUT);
            RunCatalog runs = new RunCatalog(cluster.kafkaClientProperties(), registry, DataPlaneAccess.TIMEOUT);
            Set<String> known = sessions.all().keySet();
            List<RunManifest> runList = runs.runs(id);
            Set<String> existing = new TreeSet<>(admin.admin().listTopics().names()
                    .get(DataPlaneAccess.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            Set<String> topics = topics(id, runList, existing, known);
            Set<String> subjects = new TreeSet<>();
            List<String> allSubjects = registry.subjects();
            for (String t : topics) {
                if (allSubjects.contains(t + "-value")) {
                    subjects.add(t + "-value");
                }
                if (allSubjects.contains(t + "-key")) {
                    subjects.add(t + "-key");
                }
            }
            boolean inCatalog = known.contains(id.value());
            if (!inCatalog && runList.isEmpty() && topics.isEmpty() && !Files.exists(state)) {
                throw Catalogs.noSession(id);
            }
            requireStopped(admin, app, id);
            List<String> plan = new ArrayList<>();
            topics.forEach(t -> plan.add("topic     " + t));
            subjects.forEach(s -> plan.add("subject   " + s));
            if (inCatalog) {
                plan.add("manifest  " + TopicNames.SESSIONS + " key " + id);
            }
            runList.forEach(r -> plan.add("manifest  " + TopicNames.RUNS + " key " + RunCatalog.key(id, r.getRun()
                    .toString())));
            boolean results = existing.contains(TopicNames.RESULTS);
            if (results) {
                plan.add("result    " + TopicNames.RESULTS + " key " + id + " (tombstone)");
            }
            if (Files.exists(state)) {
                plan.add("state     " + state);
            }
            if (!yes) {
                w.println("would delete session " + id + ":");
                plan.forEach(p -> w.println("  " + p));
                w.flush();
                throw new CliException(CliException.USAGE, "not deleted: add --yes to delete the " + plan.size()
                        + " items above");
            }
            for (String t : topics) {
                admin.delete(t);
            }
            for (String s : subjects) {
                try {
                    registry.deleteSubject(s);
                } catch (RuntimeException e) {
                    w.println("note: subject " + s + " kept: " + e.getMessage());
                }
            }
            for (RunManifest r : runList) {
                runs.forget(id, r.getRun().toString());
            }
            if (inCatalog) {
                sessions.forget(id);
            }
            if (results) {
                new ResultsTombstone(cluster.kafkaClientProperties(), DataPlaneAccess.TIMEOUT).write(id.value());
            }
            deleteTree(state);
            plan.forEach(p -> w.println("deleted " + p));
            w.println("session " + id + " deleted");
        } catch (PublishException | KafkaException | IllegalStateException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CliException(CliException.FAILED, "cannot list topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted", e);
        }
        w.flush();
        return 0;
    }

    /**
     * The session's topics that exist: ticks, each run's four outputs and two internal topics, and the internal
     * topics of its application
     * ({@code qps-<id>-...-repartition|-changelog}), except those of another known session whose id extends this one
     * ({@code qps-<id>-x-...} belongs to session {@code <id>-x}).
     */
    static Set<String> topics(SessionId id, List<RunManifest> runs, Set<String> existing, Set<String> sessions) {
        Set<String> topics = new TreeSet<>();
        topics.add(TopicNames.ticks(id));
        for (RunManifest r : runs) {
            String run = r.getRun().toString();
            topics.addAll(List.of(TopicNames.orders(id, run), TopicNames.fills(id, run), TopicNames.positions(id, run),
                    TopicNames.pnl(id, run), TopicNames.summaries(id, run), TopicNames.partials(id, run)));
        }
        String app = "qps-" + id.value() + "-";
        for (String t : existing) {
            boolean internal = t.startsWith(app) && (t.endsWith("-repartition") || t.endsWith("-changelog"));
            boolean other = sessions.stream().anyMatch(s -> !s.equals(id.value()) && s.startsWith(id.value() + "-")
                    && t.startsWith("qps-" + s + "-"));
            if (internal && !other) {
                topics.add(t);
            }
        }
        topics.retainAll(existing);
        return topics;
    }

    private static void requireStopped(TopicAdmin admin, String app, SessionId id) {
        try {
            ConsumerGroupDescription group = admin.admin().describeConsumerGroups(List.of(app)).all()
                    .get(DataPlaneAccess.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(app);
            if (group != null && !group.members().isEmpty()) {
                throw new CliException(CliException.FAILED, "session " + id + " is running: its application " + app
                        + " has " + group.members().size() + " active member(s); stop its 'qps live' or 'qps replay'"
                        + " first");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new CliException(CliException.FAILED, "cannot describe consumer group " + app + ": "
                        + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new CliException(CliException.FAILED, "describing consumer group " + app + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
