package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.cli.export.ExportRows;
import io.qps.cli.export.RowWriter;
import io.qps.producer.consume.TicksCheck;
import io.qps.producer.consume.TicksReader;
import io.qps.producer.consume.Verdict;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps consume}: reads a session's ticks topic back with the project's deserializer. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = {"Read a session's ticks topic (or a run's output topic) back, or check ticks against a dataset.",
            "Reads read_committed, from the beginning to the current end, with the project's Avro deserializer and"
                + " prints one JSON line per event and one line per progress marker ([p3 @1234] PROGRESS seq=4096"
                + " ts=...; --no-markers hides them).",
            "With --check it compares the topic with a dataset: the same events exactly, seq strictly increasing"
                + " within each partition, and the markers well placed: START first and END last in every"
                + " partition, each consistent with the events around it (exit 1 if not)."})
public final class ConsumeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--session-id", required = true, paramLabel = "ID", description = "Session id.")
    private String session;

    @Option(names = "--limit", paramLabel = "N",
            description = "Print at most N events, N at least 1 (default: all); markers are not counted.")
    private Long limitOption;

    private long limit = -1;

    @Option(names = "--no-markers", description = "Print market events only, not the progress markers between them.")
    private boolean noMarkers;

    @Option(names = "--topic", defaultValue = "ticks", paramLabel = "TOPIC",
            description = "ticks (default), or a run's output topic: orders, fills (then its rejections), positions,"
                    + " pnl; output records print as JSON lines in readable units, in causal-key order.")
    private String topic;

    @Option(names = "--run", defaultValue = "live", paramLabel = "RUN",
            description = "With an output --topic: the run, live (default) or replay-N (it must be complete).")
    private String run;

    @Option(names = "--check", paramLabel = "DATASET",
            description = "Instead of printing, check the topic against this dataset file; prints a one-line verdict.")
    private Path check;

    @Override
    public Integer call() {
        SessionId id = DataPlaneAccess.session(session);
        if (limitOption != null) {
            limit = DataPlaneAccess.atLeast("--limit", limitOption, 1);
        }
        if (!topic.equals("ticks")) {
            return consumeOutputs(id);
        }
        if (check != null) {
            DataPlaneAccess.existingDataset(check);
        }
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        String topic = TopicNames.ticks(id);
        AccessCheck.requireDescribe(cluster, List.of(topic));
        try (TopicAdmin admin = new TopicAdmin(cluster.kafkaClientProperties(), DataPlaneAccess.TIMEOUT)) {
            if (admin.describe(topic).isEmpty()) {
                throw Catalogs.noSession(id);
            }
        } catch (PublishException e) {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        PrintWriter out = spec.commandLine().getOut();
        try (TicksReader reader = new TicksReader(cluster.kafkaClientProperties(), registry, topic,
                DataPlaneAccess.TIMEOUT)) {
            if (check != null) {
                Verdict verdict = TicksCheck.run(reader, check, Duration.ofSeconds(30));
                out.println(verdict.line());
                return verdict.pass() ? 0 : 1;
            }
            long[] printed = {0};
            reader.read(r -> {
                if (r.isProgress()) {
                    if (!noMarkers) {
                        out.println(r.toMarkerLine());
                    }
                    return true;
                }
                if (limit >= 0 && printed[0] >= limit) {
                    return false;
                }
                out.println(r.toJsonLine());
                printed[0]++;
                return limit < 0 || printed[0] < limit;
            }, Duration.ofSeconds(30));
            out.flush();
            return 0;
        } catch (KafkaException | IllegalStateException e) {
            throw new CliException(CliException.FAILED, "reading " + topic + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw DataPlaneAccess.unreadable(e);
        }
    }

    private int consumeOutputs(SessionId id) {
        List<ExportRows.What> kinds = switch (topic) {
            case "orders" -> List.of(ExportRows.What.ORDERS);
            case "fills" -> List.of(ExportRows.What.FILLS, ExportRows.What.REJECTS);
            case "positions" -> List.of(ExportRows.What.POSITIONS);
            case "pnl" -> List.of(ExportRows.What.PNL);
            default -> throw new CliException(CliException.USAGE, "--topic " + topic
                    + ": expected ticks, orders, fills, positions or pnl");
        };
        if (check != null) {
            throw new CliException(CliException.USAGE, "--check compares the ticks topic only");
        }
        RunOutputs.RunData data = RunOutputs.read(DataPlaneAccess.reachable(clusterOptions), id, run);
        ExportRows rows = new ExportRows(data.universe());
        PrintWriter out = spec.commandLine().getOut();
        long printed = 0;
        for (ExportRows.What kind : kinds) {
            for (List<ExportRows.Cell> row : rows.rows(kind, data.results())) {
                if (limit >= 0 && printed >= limit) {
                    break;
                }
                out.println(RowWriter.json(row));
                printed++;
            }
        }
        out.flush();
        return 0;
    }
}
