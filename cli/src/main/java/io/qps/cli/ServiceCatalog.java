package io.qps.cli;

import io.qps.cli.service.EmbeddedRegistry;
import io.qps.embedded.BrokerState;
import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.EmbeddedKafkaService;
import io.qps.embedded.EmbeddedService;
import io.qps.embedded.EmbeddedServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local services {@code qps up} starts, in start order: the embedded broker, then the embedded schema registry
 * (keeping its schemas on that broker). This is the one place to add a service.
 */
public final class ServiceCatalog {
    private ServiceCatalog() {
    }

    /**
     * @param local where the services keep their data and which ports they use
     * @return the services, broker first
     */
    public static EmbeddedServices standard(LocalServiceSettings local) {
        EmbeddedKafkaConfig config = EmbeddedKafkaConfig.defaults()
                .withDataDir(local.dataDir().resolve("kafka"))
                .withPorts(local.kafkaPort(), local.controllerPort())
                .withMaxHeap(local.kafkaHeap())
                .withSecure(local.secure());
        EmbeddedKafkaService kafka = new EmbeddedKafkaService(new EmbeddedKafka(config));
        EmbeddedRegistry registry = new EmbeddedRegistry(
                EmbeddedRegistry.Settings.of(local.dataDir().resolve("registry"), local.registryPort()),
                kafka.kafka()::bootstrapServers, () -> kafka.kafka().state().filter(BrokerState::secure)
                        .map(secured -> kafka.kafka().adminConfigFile()));
        List<EmbeddedService> services = new ArrayList<>();
        services.add(kafka);
        services.add(registry);
        return new EmbeddedServices(services);
    }

    /**
     * @param services what {@link #standard} returned
     * @return its broker
     */
    public static EmbeddedKafka kafka(EmbeddedServices services) {
        return services.services().stream().filter(EmbeddedKafkaService.class::isInstance)
                .map(service -> ((EmbeddedKafkaService) service).kafka()).findFirst().orElseThrow();
    }

    /**
     * Where the local services keep their data and which ports they listen on (all on 127.0.0.1).
     *
     * @param dataDir project-local folder; the broker uses {@code <dataDir>/kafka}, the registry
     *                {@code <dataDir>/registry}
     * @param kafkaPort broker client port (0 = a free port)
     * @param controllerPort broker controller port (0 = a free port)
     * @param kafkaHeap broker {@code -Xmx}
     * @param registryPort schema registry HTTP port (0 = a free port)
     * @param secure whether the broker requires SASL/SCRAM and enforces ACLs ({@code qps up --secure}); the registry
     *               then connects as the broker's super user
     */
    public record LocalServiceSettings(Path dataDir, int kafkaPort, int controllerPort, String kafkaHeap,
                                       int registryPort, boolean secure) {
        /**
         * Settings of an unsecured broker.
         *
         * @param dataDir project-local folder
         * @param kafkaPort broker client port
         * @param controllerPort broker controller port
         * @param kafkaHeap broker {@code -Xmx}
         * @param registryPort schema registry HTTP port
         */
        public LocalServiceSettings(Path dataDir, int kafkaPort, int controllerPort, String kafkaHeap,
                                    int registryPort) {
            this(dataDir, kafkaPort, controllerPort, kafkaHeap, registryPort, false);
        }

        /**
         * @param dataDir project-local folder
         * @return the default ports and heap: what {@code status} and {@code down} use, which find running
         *         services through their state files
         */
        public static LocalServiceSettings defaults(Path dataDir) {
            return new LocalServiceSettings(dataDir, EmbeddedKafkaConfig.DEFAULT_PORT,
                    EmbeddedKafkaConfig.DEFAULT_CONTROLLER_PORT, EmbeddedKafkaConfig.DEFAULT_MAX_HEAP,
                    EmbeddedRegistry.DEFAULT_PORT);
        }
    }
}
