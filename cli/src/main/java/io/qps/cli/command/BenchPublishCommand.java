package io.qps.cli.command;

import io.qps.cli.ClusterOptions;
import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFiles;
import io.qps.core.sim.SimConfig;
import io.qps.producer.bench.PublishBenchmark;
import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.ValueEncoding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps bench publish}: our publisher next to Kafka's ProducerPerformance on the same broker. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Measure publish throughput next to Kafka's own ProducerPerformance on the same broker.",
            "Publishes a dataset as fast as possible (session 'bench', replaced each run), then runs"
                + " ProducerPerformance with the same record count, our average value size, the same partition count"
                + " and producer settings; prints both throughputs and their ratio."})
public final class BenchPublishCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--dataset", paramLabel = "FILE", defaultValue = "data/42-3d.qpsd",
            description = "Dataset to publish, generated with --seed 42 --days 3 if missing (default: ${DEFAULT-VALUE}).")
    private Path dataset;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + PublishRequest.DEFAULT_PARTITIONS,
            description = "Partitions of both topics (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
            description = "Alternating rounds of each producer; the best of each is reported (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A producer setting for both producers, e.g. --set compression.type=zstd (repeatable).")
    private Map<String, String> settings = new TreeMap<>();

    @Option(names = "--encoder", paramLabel = "direct|serde", defaultValue = "direct",
            description = "How our publisher encodes values (default: ${DEFAULT-VALUE}).")
    private String encoder;

    @Override
    public Integer call() throws Exception {
        DataPlaneAccess.partitions(partitions);
        DataPlaneAccess.atLeast("--rounds", rounds, 1);
        ClusterSettings cluster = DataPlaneAccess.reachable(clusterOptions);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(dataset)) {
            out.println("generating " + dataset + " (--seed 42 --days 3) ...");
            out.flush();
            Path parent = dataset.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            DatasetFiles.generate(SimConfig.defaults(42, 3), dataset);
        }
        ValueEncoding encoding;
        try {
            encoding = PublishCommand.encoding(encoder);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        PublishBenchmark benchmark = new PublishBenchmark(cluster.kafkaClientProperties(),
                DataPlaneAccess.registry(cluster), DataPlaneAccess.TIMEOUT);
        try {
            out.println(benchmark.run(dataset, partitions, rounds, new TreeMap<String, Object>(settings), encoding)
                    .report());
        } catch (PublishException e) {
            throw new CliException(CliException.FAILED, e.getMessage());
        }
        return 0;
    }
}
