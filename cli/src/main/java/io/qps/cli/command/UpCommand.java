package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ServiceCatalog;
import io.qps.cli.service.EmbeddedRegistry;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.ServiceStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qps up}: starts the local services in the background and prints where they listen. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the embedded Kafka broker and schema registry in the background.",
            "Prints where they listen:",
            "1. the embedded Kafka broker (a real KRaft single node on 127.0.0.1),",
            "   data and log under <data-dir>/kafka;",
            "2. the embedded schema registry (Confluent's REST API on 127.0.0.1,",
            "   schemas kept on that broker), state and log under <data-dir>/registry.",
            "Services that already run from <data-dir> are left as they are."})
public final class UpCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private LocalOptions local;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "" + EmbeddedKafkaConfig.DEFAULT_PORT,
            description = "Broker client port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT",
            defaultValue = "" + EmbeddedKafkaConfig.DEFAULT_CONTROLLER_PORT,
            description = "Broker KRaft controller port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int controllerPort;

    @Option(names = "--kafka-heap", paramLabel = "SIZE", defaultValue = EmbeddedKafkaConfig.DEFAULT_MAX_HEAP,
            description = "Broker JVM maximum heap (default: ${DEFAULT-VALUE}).")
    private String kafkaHeap;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "" + EmbeddedRegistry.DEFAULT_PORT,
            description = "Schema registry HTTP port, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int registryPort;

    @Override
    public void run() {
        ServiceCatalog.LocalServiceSettings settings = new ServiceCatalog.LocalServiceSettings(local.dataDir(),
                kafkaPort, controllerPort, kafkaHeap, registryPort);
        List<ServiceStatus> started;
        try {
            started = ServiceCatalog.standard(settings).startAll();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
        StatusLines.print(spec.commandLine().getOut(), started);
    }
}
