package io.qps.cli;

import io.qps.embedded.EmbeddedKafka;
import io.qps.embedded.EmbeddedKafkaConfig;
import io.qps.embedded.EmbeddedKafkaService;
import io.qps.embedded.EmbeddedService;
import io.qps.embedded.EmbeddedServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local services {@code qps up} starts, in start order. This is the one place to add a service (the embedded
 * schema registry goes after the broker, taking its bootstrap servers from {@code kafka.kafka()}).
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
                .withMaxHeap(local.kafkaHeap());
        EmbeddedKafkaService kafka = new EmbeddedKafkaService(new EmbeddedKafka(config));
        List<EmbeddedService> services = new ArrayList<>();
        services.add(kafka);
        return new EmbeddedServices(services);
    }

    /**
     * Where the local services keep their data and which ports they listen on (all on 127.0.0.1).
     *
     * @param dataDir project-local folder; the broker uses {@code <dataDir>/kafka}
     * @param kafkaPort broker client port (0 = a free port)
     * @param controllerPort broker controller port (0 = a free port)
     * @param kafkaHeap broker {@code -Xmx}
     */
    public record LocalServiceSettings(Path dataDir, int kafkaPort, int controllerPort, String kafkaHeap) {
    }
}
