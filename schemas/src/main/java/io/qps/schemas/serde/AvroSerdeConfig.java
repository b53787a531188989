package io.qps.schemas.serde;

import io.qps.schemas.registry.RegistryTls;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration keys of the serdes and the registry client (Confluent's names) and how a client is built from
 * them. The same keys may stand in a Kafka client properties file next to {@code security.protocol} and
 * {@code sasl.*}, as with Confluent's clients.
 */
public final class AvroSerdeConfig {
    /** Base URL of the registry, e.g. {@code http://127.0.0.1:8081}. Required when no client is given. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Whether the serializer registers a record's schema on first use (default true); else it looks it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /**
     * Where basic-auth credentials come from: {@code URL} (user info in {@link #SCHEMA_REGISTRY_URL}) or
     * {@code USER_INFO} ({@link #BASIC_AUTH_USER_INFO}). Without it, {@code USER_INFO} if that key is set, else
     * {@code URL}.
     */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for a registry with basic auth. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** The same, under the prefixed name Confluent's clients also accept. */
    public static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    /** Registry call timeout in milliseconds (default 5000). */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
    /** Prefix of the registry's TLS settings ({@code schema.registry.ssl.truststore.location}, ...). */
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    /** Truststore file for an {@code https} registry. */
    public static final String SSL_TRUSTSTORE_LOCATION = SSL_PREFIX + "truststore.location";
    /** Truststore password. */
    public static final String SSL_TRUSTSTORE_PASSWORD = SSL_PREFIX + "truststore.password";
    /** Truststore type (default {@code JKS}; {@code PKCS12} too). */
    public static final String SSL_TRUSTSTORE_TYPE = SSL_PREFIX + "truststore.type";
    /** Keystore file holding the client's certificate, for a registry requiring mutual TLS. */
    public static final String SSL_KEYSTORE_LOCATION = SSL_PREFIX + "keystore.location";
    /** Keystore password. */
    public static final String SSL_KEYSTORE_PASSWORD = SSL_PREFIX + "keystore.password";
    /** Keystore type (default {@code JKS}). */
    public static final String SSL_KEYSTORE_TYPE = SSL_PREFIX + "keystore.type";
    /** Password of the key in the keystore (default: the keystore's password). */
    public static final String SSL_KEY_PASSWORD = SSL_PREFIX + "key.password";
    /** The TLS protocol (default {@code TLS}). */
    public static final String SSL_PROTOCOL = SSL_PREFIX + "protocol";

    private AvroSerdeConfig() {
    }

    /** The TopicNameStrategy subject of a topic's keys or values. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    /** Whether {@code key} configures the registry client rather than a Kafka client. */
    public static boolean isRegistryKey(String key) {
        return key.startsWith("schema.registry.") || key.startsWith("basic.auth.")
                || key.equals(AUTO_REGISTER_SCHEMAS);
    }

    /**
     * A registry client from these keys: the URL, credentials ({@link #BASIC_AUTH_CREDENTIALS_SOURCE}), TLS
     * ({@code schema.registry.ssl.*}) and timeout.
     *
     * @throws IllegalArgumentException with a one-line reason naming the key if a value is missing or wrong
     */
    public static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing serde configuration '" + SCHEMA_REGISTRY_URL + "'");
        }
        Object timeout = configs.get(REGISTRY_TIMEOUT_MS);
        Duration t = timeout == null ? SchemaRegistryClient.DEFAULT_TIMEOUT
                : Duration.ofMillis(Long.parseLong(timeout.toString()));
        return new SchemaRegistryClient(url.toString(), userInfo(configs), tls(configs), t);
    }

    /**
     * The basic-auth {@code user:password} to send, or null to send the URL's user info (if any).
     *
     * @throws IllegalArgumentException if the source is unknown, or {@code USER_INFO} without user info
     */
    static String userInfo(Map<String, ?> configs) {
        String info = text(configs, BASIC_AUTH_USER_INFO).or(() -> text(configs, PREFIXED_BASIC_AUTH_USER_INFO))
                .orElse(null);
        String source = text(configs, BASIC_AUTH_CREDENTIALS_SOURCE).map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(info == null ? "URL" : "USER_INFO");
        switch (source) {
            case "URL":
                return null;
            case "USER_INFO":
                if (info == null || info.indexOf(':') < 1) {
                    throw new IllegalArgumentException(BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
                            + BASIC_AUTH_USER_INFO + "=user:password");
                }
                return info;
            default:
                throw new IllegalArgumentException("unsupported " + BASIC_AUTH_CREDENTIALS_SOURCE + " '" + source
                        + "': use URL (credentials in " + SCHEMA_REGISTRY_URL + ") or USER_INFO (with "
                        + BASIC_AUTH_USER_INFO + ")");
        }
    }

    /** The TLS settings of {@code schema.registry.ssl.*}. */
    static RegistryTls tls(Map<String, ?> configs) {
        Optional<RegistryTls.Store> trust = text(configs, SSL_TRUSTSTORE_LOCATION).map(l -> new RegistryTls.Store(
                Path.of(l), text(configs, SSL_TRUSTSTORE_PASSWORD).orElse(null),
                text(configs, SSL_TRUSTSTORE_TYPE).orElse("JKS")));
        Optional<RegistryTls.Store> keys = text(configs, SSL_KEYSTORE_LOCATION).map(l -> new RegistryTls.Store(
                Path.of(l), text(configs, SSL_KEYSTORE_PASSWORD).orElse(null),
                text(configs, SSL_KEYSTORE_TYPE).orElse("JKS")));
        return new RegistryTls(trust, keys, text(configs, SSL_KEY_PASSWORD).orElse(null),
                text(configs, SSL_PROTOCOL).orElse("TLS"));
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object v = configs.get(AUTO_REGISTER_SCHEMAS);
        return v == null || Boolean.parseBoolean(v.toString());
    }

    private static Optional<String> text(Map<String, ?> configs, String key) {
        Object v = configs.get(key);
        if (v == null) {
            return Optional.empty();
        }
        String s = v instanceof org.apache.kafka.common.config.types.Password p ? p.value() : v.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
