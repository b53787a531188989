package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.ReplicationOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFormatException;
import io.qps.producer.publish.PacingClock;
import io.qps.producer.publish.ProgressPrinter;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.PublishResult;
import io.qps.producer.publish.Publisher;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.ValueEncoding;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps publish}: a dataset file to the session's ticks topic. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a dataset file to a session's ticks topic, qps.<session>.ticks.",
            "Records are keyed by instrument symbol (all of an instrument's events land in one partition, in seq"
                + " order), valued with the Avro MarketEvent in the Confluent wire format, timestamped with event"
                + " time.",
            "Every partition also gets progress markers (key null): START first, PROGRESS every --progress-every"
                + " events (and every --progress-ms when paced), END last.",
            "The manifest records the engine configuration (--engine-config, else the defaults) that every run of"
                + " the session uses.",
            "A session whose topic holds data or whose manifest exists is refused unless --force, which deletes and"
                + " recreates the ticks topic and replaces the manifest (run output topics are left alone)."})
public final class PublishCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Mixin
    private ReplicationOptions replicationOptions;

    @Option(names = "--session-id", required = true, paramLabel = "ID",
            description = "Session id: 1..100 characters from A-Z a-z 0-9 . _ -.")
    private String session;

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "The dataset file.")
    private Path dataset;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + PublishRequest.DEFAULT_PARTITIONS,
            description = "Partitions of the ticks topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--speed", paramLabel = "X|max", defaultValue = "max",
            description = "Pace in event time: a multiple of real time (1, 60, 2.5) or max (default: ${DEFAULT-VALUE}).")
    private String speed;

    @Option(names = "--force", description = "Delete and recreate an existing session's ticks topic and manifest.")
    private boolean force;

    @Mixin
    private PublishOptions options;

    @Option(names = "--encoder", paramLabel = "direct|serde", defaultValue = "direct",
            description = "How values are encoded: direct (from the core event, default) or serde (through the Avro"
                    + " serializer); the bytes are identical, direct is faster.")
    private String encoder;

    @Override
    public Integer call() throws InterruptedException {
        SessionId id = DataPlaneAccess.session(session);
        Path file = DataPlaneAccess.existingDataset(dataset);
        int parts = DataPlaneAccess.partitions(partitions);
        Speed pace = DataPlaneAccess.speed(speed);
        ValueEncoding encoding;
        try {
            encoding = encoding(encoder);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        var assignment = DataPlaneAccess.assignment(options);
        var markers = DataPlaneAccess.markers(options);
        var engine = options.engineConfig();
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        PublishRequest request;
        try {
            request = new PublishRequest(id, file, parts, cluster.topics(), pace, force, QpsVersion.get(), Map.of(),
                    encoding, assignment, markers, engine);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        AccessCheck.requireDescribe(cluster, List.of(TopicNames.ticks(id), TopicNames.SESSIONS));
        SchemaRegistryClient registry = DataPlaneAccess.registry(cluster);
        ProgressPrinter progress = new ProgressPrinter(System.out, System.console() != null);
        Publisher publisher = new Publisher(cluster.kafkaClientProperties(), registry, PacingClock.system(), progress,
                DataPlaneAccess.TIMEOUT);
        PublishResult r;
        try {
            r = publisher.publish(request);
        } catch (PublishException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        } catch (DatasetFormatException | UncheckedIOException e) {
            throw DataPlaneAccess.unreadable(e);
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "published %,d events and %,d progress"
                + " markers of %s to %s (%d partitions, %s assignment, busiest partition %.1f%% of events) in %.1f s:"
                + " %,.0f events/s, %.2f MB/s; manifest recorded in qps.sessions (engine configuration %s)", r.events(),
                r.markers(), dataset, r.topic(), r.eventsPerPartition().size(), r.assignment(),
                100 * r.maxPartitionShare(), r.elapsedNanos() / 1e9, r.eventsPerSecond(), r.megabytesPerSecond(),
                r.entry().manifest().getEngineConfigSha256()));
        return 0;
    }

    /** {@code direct} or {@code serde}, any case. */
    static ValueEncoding encoding(String name) {
        for (ValueEncoding e : ValueEncoding.values()) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--encoder must be direct or serde, was '" + name + "'");
    }
}
