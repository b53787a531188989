package io.qps.schemas.serde;

import io.qps.schemas.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.Map;

/** Configuration keys of the serdes (Confluent's names) and how a client is built from them. */
public final class AvroSerdeConfig {
    /** Base URL of the registry, e.g. {@code http://127.0.0.1:8081}. Required when no client is given. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Whether the serializer registers a record's schema on first use (default true); else it looks it up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** {@code user:password} for a registry with basic auth. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Registry call timeout in milliseconds (default 5000). */
    public static final String REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";

    private AvroSerdeConfig() {
    }

    /** The TopicNameStrategy subject of a topic's keys or values. */
    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    public static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new IllegalArgumentException("missing serde configuration '" + SCHEMA_REGISTRY_URL + "'");
        }
        Object auth = configs.get(BASIC_AUTH_USER_INFO);
        Object timeout = configs.get(REGISTRY_TIMEOUT_MS);
        Duration t = timeout == null ? SchemaRegistryClient.DEFAULT_TIMEOUT
                : Duration.ofMillis(Long.parseLong(timeout.toString()));
        return new SchemaRegistryClient(url.toString(), auth == null ? null : auth.toString(), t);
    }

    static boolean autoRegister(Map<String, ?> configs) {
        Object v = configs.get(AUTO_REGISTER_SCHEMAS);
        return v == null || Boolean.parseBoolean(v.toString());
    }
}
