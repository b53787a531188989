package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ServiceCatalog;
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
        description = {"Start the local services in the background and print where they listen.",
            "Starts the embedded Kafka broker (a real KRaft single node on 127.0.0.1) with its data and log",
            "under <data-dir>/kafka; a broker that already runs there is left as it is."})
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

    @Override
    public void run() {
        ServiceCatalog.LocalServiceSettings settings = new ServiceCatalog.LocalServiceSettings(local.dataDir(),
                kafkaPort, controllerPort, kafkaHeap);
        List<ServiceStatus> started;
        try {
            started = ServiceCatalog.standard(settings).startAll();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
        StatusLines.print(spec.commandLine().getOut(), started);
    }
}
