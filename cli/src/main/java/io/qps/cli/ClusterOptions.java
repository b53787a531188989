package io.qps.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --bootstrap}, {@code --registry-url}, {@code --config}: which Kafka cluster and schema registry a command
 * talks to. A mixin of the commands that talk to a cluster, and only of those; {@link #settings()} resolves the
 * values against the environment and the client config file (flag, then environment, then file, then default). A
 * flag given to a parent command ({@code qps sessions --bootstrap B delete ID}) counts for its subcommands.
 */
public final class ClusterOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: $" + ClusterSettings.ENV_BOOTSTRAP + ", else the client"
                    + " config file's bootstrap.servers, else " + ClusterSettings.DEFAULT_BOOTSTRAP + ").")
    private String bootstrap;

    @Option(names = "--registry-url", paramLabel = "URL",
            description = "Schema registry URL (default: $" + ClusterSettings.ENV_REGISTRY_URL + ", else the client"
                    + " config file's schema.registry.url, else " + ClusterSettings.DEFAULT_REGISTRY_URL + ").")
    private String registryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Kafka client properties file (default: $" + ClusterSettings.ENV_CLIENT_CONFIG + "):"
                    + " security.protocol, sasl.*, ssl.*, bootstrap.servers, schema.registry.url,"
                    + " basic.auth.credentials.source, basic.auth.user.info, schema.registry.ssl.*,"
                    + " replication.factor, min.insync.replicas.")
    private Path config;

    /**
     * @return the settings from these flags, the command's {@link ReplicationOptions} if it has them, the
     *         environment of the root {@link Qps} and the client config file
     * @throws CliException (usage) if the config file cannot be read or a value is invalid
     */
    public ClusterSettings settings() {
        Optional<ReplicationOptions> replication = mixinOf(mixee, ReplicationOptions.class);
        Object root = mixee.root().userObject();
        Map<String, String> env = root instanceof Qps qps ? qps.environment() : System.getenv();
        Qps.LeadingClusterOptions leading = root instanceof Qps qps ? qps.leading() : new Qps.LeadingClusterOptions();
        Integer rf = replication.map(ReplicationOptions::replicationFactor).orElse(null);
        Integer min = replication.map(ReplicationOptions::minInsyncReplicas).orElse(null);
        String bootstrapValue = bootstrap;
        String registryValue = registryUrl;
        Path configValue = config;
        for (CommandSpec parent = mixee.parent(); parent != null; parent = parent.parent()) {
            Optional<ClusterOptions> outer = of(parent);
            if (outer.isPresent()) {
                bootstrapValue = first(bootstrapValue, outer.get().bootstrap);
                registryValue = first(registryValue, outer.get().registryUrl);
                configValue = first(configValue, outer.get().config);
            }
        }
        return ClusterSettings.resolve(first(bootstrapValue, leading.bootstrap), first(registryValue,
                leading.registryUrl), first(configValue, leading.config), first(rf, leading.replicationFactor),
                first(min, leading.minInsyncReplicas), env);
    }

    private static <T> T first(T own, T leading) {
        return own != null ? own : leading;
    }

    /** @return the cluster options of {@code spec}, if it has them */
    static Optional<ClusterOptions> of(CommandSpec spec) {
        return mixinOf(spec, ClusterOptions.class);
    }

    private static <T> Optional<T> mixinOf(CommandSpec spec, Class<T> type) {
        return spec.mixins().values().stream().map(CommandSpec::userObject).filter(type::isInstance).map(type::cast)
                .findFirst();
    }
}
