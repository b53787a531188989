package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ServiceCatalog;
import io.qps.cli.service.EmbeddedRegistry;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.EmbeddedServices;
import io.qps.embedded.ServiceStatus;
import java.io.PrintWriter;
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
            "1. the embedded Kafka broker (a real KRaft single node on 127.0.0.1), data and log under"
                + " <data-dir>/kafka;",
            "2. the embedded schema registry (Confluent's REST API on 127.0.0.1, schemas kept on that broker), state"
                + " and log under <data-dir>/registry.",
            "Services that already run from <data-dir> are left as they are.",
            "With --secure the broker takes SASL/SCRAM-SHA-512 only and enforces ACLs; the client properties of the"
                + " application user are written to <data-dir>/client-secure.properties (pass it with --config)."})
public final class UpCommand implements Runnable {
    private static final int MAX_PORT = 65_535;

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

    @Option(names = "--secure",
            description = "Start the broker with SASL_PLAINTEXT (SCRAM-SHA-512) on 127.0.0.1 and ACLs enforced: a"
                    + " super user 'admin' (the broker itself, the registry) and an application user 'qps' allowed"
                    + " topics 'qps.*', topics, groups and transactional ids 'qps-*'. Needs a data folder first"
                    + " formatted with --secure (a new one is).")
    private boolean secure;

    @Override
    public void run() {
        DataPlaneAccess.within("--kafka-port", kafkaPort, 0, MAX_PORT);
        DataPlaneAccess.within("--controller-port", controllerPort, 0, MAX_PORT);
        DataPlaneAccess.within("--registry-port", registryPort, 0, MAX_PORT);
        ServiceCatalog.LocalServiceSettings settings = new ServiceCatalog.LocalServiceSettings(local.dataDir(),
                kafkaPort, controllerPort, kafkaHeap, registryPort, secure);
        EmbeddedServices services;
        List<ServiceStatus> started;
        try {
            services = ServiceCatalog.standard(settings);
            started = services.startAll();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        StatusLines.print(out, started);
        if (secure) {
            EmbeddedKafka kafka = ServiceCatalog.kafka(services);
            String registryUrl = started.stream().filter(s -> s.name().equals(EmbeddedRegistry.NAME))
                    .map(ServiceStatus::endpoint).findFirst().orElseThrow();
            SecureClientFile.writeAndPrint(out, local.dataDir(), kafka, kafka.state().orElseThrow(), registryUrl);
        }
    }
}
