package io.qps.cli.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.cli.ClusterOptions;
import io.qps.cli.ClusterProbe;
import io.qps.cli.ClusterSettings;
import io.qps.cli.RegistryProbe;
import io.qps.cli.ServiceCatalog;
import io.qps.embedded.BrokerSecurity;
import io.qps.embedded.BrokerState;
import io.qps.embedded.EmbeddedServices;
import io.qps.embedded.KafkaProbe;
import io.qps.embedded.ServiceStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qps status}: each local service (up/down, where, pid) and whether the configured cluster and registry
 * answer. Exit code 0 if everything is up, 3 if anything is down.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Report which services are up and where they listen.",
            "Lists the local services started by 'qps up', then whether the Kafka cluster named by --bootstrap and"
                + " the registry named by --registry-url answer (within 3 s each). Exit code 0 if all are up, 3"
                + " otherwise."})
public final class StatusCommand implements Callable<Integer> {
    /** Exit code when something is down. */
    public static final int SOMETHING_DOWN = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Spec
    private CommandSpec spec;

    @Mixin
    private LocalOptions local;

    @Mixin
    private ClusterOptions clusterOptions;

    @Option(names = "--json",
            description = "Print one line of JSON instead: {\"all_up\": true|false, \"services\": [{\"name\": ...,"
                    + " \"up\": true|false, \"endpoint\": ..., \"detail\": ...}, ...]} with the services in the order"
                    + " of the text lines (kafka, schema-registry, cluster, registry), plus \"secured_client_config\""
                    + " (a file) when the local broker is secured. The exit code is the same.")
    private boolean json;

    @Override
    public Integer call() {
        ClusterSettings cluster = clusterOptions.settings();
        EmbeddedServices services = ServiceCatalog.standard(
                ServiceCatalog.LocalServiceSettings.defaults(local.dataDir()));
        List<ServiceStatus> lines = new ArrayList<>(services.statusAll());
        KafkaProbe.Result kafka = ClusterProbe.noListener(cluster.bootstrapServers())
                .map(why -> new KafkaProbe.Result(false, "", 0, why))
                .orElseGet(() -> KafkaProbe.probe(cluster.kafkaClientProperties(), TIMEOUT));
        lines.add(new ServiceStatus("cluster", kafka.up(), cluster.bootstrapServers(), kafka.up()
                ? "cluster id " + kafka.clusterId() + ", " + kafka.brokers() + " broker(s)" : kafka.error()));
        RegistryProbe.Result registry = RegistryProbe.probe(cluster.registryUrl(), TIMEOUT);
        lines.add(new ServiceStatus("registry", registry.up(), cluster.registryUrl(), registry.detail()));
        PrintWriter out = spec.commandLine().getOut();
        boolean secured = ServiceCatalog.kafka(services).state().map(BrokerState::secure).orElse(false);
        boolean allUp = lines.stream().allMatch(ServiceStatus::up);
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("all_up", allUp);
            ArrayNode array = root.putArray("services");
            for (ServiceStatus s : lines) {
                array.addObject().put("name", s.name()).put("up", s.up()).put("endpoint", s.endpoint())
                        .put("detail", s.detail());
            }
            if (secured) {
                root.put("secured_client_config", SecureClientFile.of(local.dataDir()).toString());
            }
            out.println(root.toString());
            out.flush();
            return allUp ? 0 : SOMETHING_DOWN;
        }
        StatusLines.print(out, lines);
        if (secured) {
            out.println("the local broker is secured (SASL_PLAINTEXT, " + BrokerSecurity.MECHANISM + ", ACLs): client"
                    + " properties in " + SecureClientFile.of(local.dataDir()) + "; pass it with --config");
            out.flush();
        }
        return allUp ? 0 : SOMETHING_DOWN;
    }
}
