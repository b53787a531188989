package io.qps.cli;

import io.qps.embedded.KafkaFixture;
import io.qps.registry.EmbeddedSchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real {@code qps} commands against the JVM's shared embedded broker ({@link KafkaFixture#shared()}) and a
 * schema registry of the test class's own, started before its tests and closed after them. Register it with
 * {@code @RegisterExtension static final SharedCluster CLUSTER = new SharedCluster();}.
 */
public final class SharedCluster implements BeforeAllCallback, AfterAllCallback {
    private String bootstrap;
    private EmbeddedSchemaRegistry registry;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrap = KafkaFixture.shared().bootstrapServers();
        registry = EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (registry != null) {
            registry.close();
        }
    }

    /** @return the shared broker's bootstrap servers */
    public String bootstrap() {
        return bootstrap;
    }

    /** @return this class's registry's URL */
    public String registryUrl() {
        return registry.url();
    }

    /** Runs {@code qps args}, with {@code --bootstrap … --registry-url …} after them if the command takes them. */
    public CliRun qps(String... args) {
        return CliRun.onCluster(bootstrap, registry.url(), args);
    }

    /**
     * {@code --bootstrap … --registry-url …} followed by {@code args}: the arguments of a {@code qps} child process
     * against this cluster (the cluster flags before the command, a form every command still reads).
     */
    public List<String> command(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap", bootstrap, "--registry-url", registry.url()));
        all.addAll(List.of(args));
        return all;
    }
}
