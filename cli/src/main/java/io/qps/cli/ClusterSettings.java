package io.qps.cli;

import io.qps.producer.session.TopicSettings;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Which Kafka cluster and schema registry the commands talk to, and with which client settings.
 *
 * <p>Each value comes from the first of: command-line flag, environment variable, client config file, default.
 * The client config file (flag {@code --config}, else {@code QPS_CLIENT_CONFIG}) is a Kafka client properties file;
 * everything in it (for example {@code security.protocol}, {@code sasl.*}, {@code ssl.*}) is passed to every Kafka
 * client, and its {@code bootstrap.servers} and {@code schema.registry.url} act as the file layer of the two values.
 * Registry client keys in it (Confluent's {@code basic.auth.credentials.source}, {@code basic.auth.user.info},
 * {@code schema.registry.ssl.*}) go to the registry client only; {@code replication.factor} and
 * {@code min.insync.replicas} are the file layer of {@code --replication-factor} and {@code --min-insync-replicas},
 * which set every topic qps creates ({@link TopicSettings}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param bootstrapSource where {@code bootstrapServers} came from
 * @param registryUrl schema registry base URL
 * @param registrySource where {@code registryUrl} came from
 * @param clientConfigFile the client config file, if one was named
 * @param clientProperties the file's properties, sorted, without {@code bootstrap.servers},
 *                         {@code schema.registry.url}, {@code replication.factor} and {@code min.insync.replicas}
 * @param topics replication of every topic qps creates
 */
public record ClusterSettings(String bootstrapServers, Source bootstrapSource, String registryUrl,
                              Source registrySource, Optional<Path> clientConfigFile,
                              Map<String, String> clientProperties, TopicSettings topics) {
    /** Default bootstrap servers. */
    public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    /** Default schema registry URL. */
    public static final String DEFAULT_REGISTRY_URL = "http://localhost:8081";
    /** Environment variable naming the bootstrap servers. */
    public static final String ENV_BOOTSTRAP = "QPS_BOOTSTRAP";
    /** Environment variable naming the schema registry URL. */
    public static final String ENV_REGISTRY_URL = "QPS_REGISTRY_URL";
    /** Environment variable naming the client config file. */
    public static final String ENV_CLIENT_CONFIG = "QPS_CLIENT_CONFIG";
    /** Client config key for the registry URL (the name Confluent's clients use). */
    public static final String REGISTRY_URL_KEY = "schema.registry.url";
    /** Client config key for the replication factor of the topics qps creates. */
    public static final String REPLICATION_FACTOR_KEY = "replication.factor";
    /** Client config key for their {@code min.insync.replicas}. */
    public static final String MIN_INSYNC_REPLICAS_KEY = "min.insync.replicas";
    private static final String BOOTSTRAP_KEY = "bootstrap.servers";

    /** Where a value came from. */
    public enum Source {
        /** A command-line flag. */
        FLAG,
        /** An environment variable. */
        ENVIRONMENT,
        /** The client config file. */
        CONFIG_FILE,
        /** The built-in default. */
        DEFAULT
    }

    /** Copies the properties into an unmodifiable sorted map. */
    public ClusterSettings {
        clientProperties = Collections.unmodifiableMap(new TreeMap<>(clientProperties));
    }

    /** Settings without topic flags: see {@link #resolve(String, String, Path, Integer, Integer, Map)}. */
    public static ClusterSettings resolve(String flagBootstrap, String flagRegistryUrl, Path flagConfig,
                                          Map<String, String> env) {
        return resolve(flagBootstrap, flagRegistryUrl, flagConfig, null, null, env);
    }

    /**
     * @param flagBootstrap {@code --bootstrap}, or null
     * @param flagRegistryUrl {@code --registry-url}, or null
     * @param flagConfig {@code --config}, or null
     * @param flagReplication {@code --replication-factor}, or null
     * @param flagMinInsync {@code --min-insync-replicas}, or null
     * @param env the environment (e.g. {@code System.getenv()})
     * @return the resolved settings
     * @throws CliException (usage) if the config file cannot be read or a value is malformed
     */
    public static ClusterSettings resolve(String flagBootstrap, String flagRegistryUrl, Path flagConfig,
                                          Integer flagReplication, Integer flagMinInsync, Map<String, String> env) {
        Optional<Path> configFile = Optional.ofNullable(flagConfig)
                .or(() -> nonBlank(env.get(ENV_CLIENT_CONFIG)).map(Path::of));
        Map<String, String> file = configFile.map(ClusterSettings::load).orElse(Map.of());

        Source bootstrapSource = sourceOf(flagBootstrap, env.get(ENV_BOOTSTRAP), file.get(BOOTSTRAP_KEY));
        String bootstrap = pick(bootstrapSource, flagBootstrap, env.get(ENV_BOOTSTRAP), file.get(BOOTSTRAP_KEY),
                DEFAULT_BOOTSTRAP).trim();
        Source registrySource = sourceOf(flagRegistryUrl, env.get(ENV_REGISTRY_URL), file.get(REGISTRY_URL_KEY));
        String registry = pick(registrySource, flagRegistryUrl, env.get(ENV_REGISTRY_URL),
                file.get(REGISTRY_URL_KEY), DEFAULT_REGISTRY_URL).trim();
        if (!registry.startsWith("http://") && !registry.startsWith("https://")) {
            throw new CliException(CliException.USAGE,
                    "invalid registry URL '" + registry + "' (from " + describe(registrySource)
                            + "): it must start with http:// or https://");
        }
        while (registry.endsWith("/")) {
            registry = registry.substring(0, registry.length() - 1);
        }
        TopicSettings topics = TopicOptions.resolve(flagReplication, flagMinInsync, file, configFile);
        Map<String, String> client = new TreeMap<>(file);
        client.remove(BOOTSTRAP_KEY);
        client.remove(REGISTRY_URL_KEY);
        client.remove(REPLICATION_FACTOR_KEY);
        client.remove(MIN_INSYNC_REPLICAS_KEY);
        return new ClusterSettings(bootstrap, bootstrapSource, registry, registrySource, configFile, client, topics);
    }

    /**
     * @return properties for a Kafka client (admin, producer, consumer): the config file's settings other than the
     *         registry client's, plus {@code bootstrap.servers}
     */
    public Map<String, Object> kafkaClientProperties() {
        Map<String, Object> props = new TreeMap<>();
        clientProperties.forEach((key, value) -> {
            if (!AvroSerdeConfig.isRegistryKey(key)) {
                props.put(key, value);
            }
        });
        props.put(BOOTSTRAP_KEY, bootstrapServers);
        return props;
    }

    /**
     * @return the registry client's configuration ({@link AvroSerdeConfig} keys): {@code schema.registry.url} and the
     *         config file's credentials and TLS settings
     */
    public Map<String, Object> registryClientProperties() {
        Map<String, Object> props = new TreeMap<>();
        clientProperties.forEach((key, value) -> {
            if (AvroSerdeConfig.isRegistryKey(key)) {
                props.put(key, value);
            }
        });
        props.put(REGISTRY_URL_KEY, registryUrl);
        return props;
    }

    private static Source sourceOf(String flag, String env, String file) {
        if (nonBlank(flag).isPresent()) {
            return Source.FLAG;
        }
        if (nonBlank(env).isPresent()) {
            return Source.ENVIRONMENT;
        }
        return nonBlank(file).isPresent() ? Source.CONFIG_FILE : Source.DEFAULT;
    }

    private static String pick(Source source, String flag, String env, String file, String fallback) {
        return switch (source) {
            case FLAG -> flag;
            case ENVIRONMENT -> env;
            case CONFIG_FILE -> file;
            case DEFAULT -> fallback;
        };
    }

    private static String describe(Source source) {
        return switch (source) {
            case FLAG -> "--registry-url";
            case ENVIRONMENT -> ENV_REGISTRY_URL;
            case CONFIG_FILE -> "the client config file";
            case DEFAULT -> "the default";
        };
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException(CliException.USAGE, "client config file not found: " + file);
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "cannot read client config file " + file + ": "
                    + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(key -> map.put(key, p.getProperty(key).trim()));
        return map;
    }
}
