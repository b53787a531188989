package io.qps.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A client for Confluent's Schema Registry REST API (the subset qps needs), safe for concurrent use.
 *
 * <p>Schemas by id, ids by (subject, schema), and look-up answers by (subject, schema) are cached for the client's
 * lifetime: a registered schema never changes id or version, so after the first successful {@link #register} or
 * {@link #lookup} of a (subject, schema) pair, the same call makes no HTTP request. Failures are not cached. Every failure is a {@link RegistryException} with Confluent's {@code error_code} and a
 * one-line message; an unreachable registry fails within the configured timeout (default
 * {@link #DEFAULT_TIMEOUT}).
 */
public final class SchemaRegistryClient {
    /** Connect timeout and answer timeout of every call unless another is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, RegisteredSchema>> lookupsBySubject = new ConcurrentHashMap<>();

    /** A client for the registry at {@code url} (user info in the URL, if any, is sent as basic auth). */
    public SchemaRegistryClient(String url) {
        this(url, null, DEFAULT_TIMEOUT);
    }

    /**
     * @param url base URL, e.g. {@code http://127.0.0.1:8081}
     * @param basicAuthUserInfo {@code user:password} for a secured registry, or null
     * @param timeout connect timeout, and the time allowed for each answer
     */
    public SchemaRegistryClient(String url, String basicAuthUserInfo, Duration timeout) {
        this(url, basicAuthUserInfo, RegistryTls.DEFAULT, timeout);
    }

    /**
     * @param url base URL, e.g. {@code https://registry:8081}
     * @param basicAuthUserInfo {@code user:password} for a secured registry, or null (then user info in the URL,
     *     if any, is sent)
     * @param tls trust and client certificates for an {@code https} URL
     * @param timeout connect timeout, and the time allowed for each answer
     * @throws IllegalArgumentException if a TLS store cannot be loaded
     */
    public SchemaRegistryClient(String url, String basicAuthUserInfo, RegistryTls tls, Duration timeout) {
        this.http = new RegistryHttp(url, basicAuthUserInfo, tls, timeout);
    }

    /** The registry's base URL, without user info. */
    public String url() {
        return http.baseUrl();
    }

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and returns its
     * id; registering a schema the subject already has returns the existing id.
     *
     * @throws RegistryException error_code 409 if incompatible with the subject's schemas, 42201 if invalid
     */
    public int register(String subject, Schema schema) {
        Integer cached = cachedId(subject, schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.post("/subjects/" + RegistryHttp.segment(subject) + "/versions", body(schema));
        int id = answer.get("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    /**
     * The schema registered under {@code subject} equal to {@code schema} ({@code POST /subjects/{subject}}),
     * cached: only the first successful look-up of a (subject, schema) pair asks the registry.
     *
     * @throws RegistryException error_code 40401 if the subject does not exist, 40403 if the schema is not in it
     */
    public RegisteredSchema lookup(String subject, Schema schema) {
        Map<Schema, RegisteredSchema> known = lookupsBySubject.get(subject);
        RegisteredSchema cached = known == null ? null : known.get(schema);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema found = registered(http.post("/subjects/" + RegistryHttp.segment(subject), body(schema)));
        remember(subject, schema, found.id());
        RegisteredSchema raced = lookupsBySubject.computeIfAbsent(subject, k -> new ConcurrentHashMap<>())
                .putIfAbsent(schema, found);
        return raced == null ? found : raced;
    }

    /**
     * The schema with registry id {@code id} ({@code GET /schemas/ids/{id}}), cached.
     *
     * @throws RegistryException error_code 40403 if there is no such id
     */
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = parse(http.get("/schemas/ids/" + id).get("schema").asText(), "id " + id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    /**
     * Whether {@code schema} may be registered next under {@code subject} at the subject's compatibility level
     * ({@code POST /compatibility/subjects/{subject}/versions/latest}); true for a subject that does not exist.
     */
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode answer = http.post("/compatibility/subjects/" + RegistryHttp.segment(subject)
                    + "/versions/latest", body(schema));
            return answer.get("is_compatible").asBoolean();
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryErrorCodes.SUBJECT_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    /** Every subject ({@code GET /subjects}), in the registry's order. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        http.get("/subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    /**
     * Soft-deletes {@code subject} ({@code DELETE /subjects/{subject}}): its versions leave the listings, schema ids
     * stay resolvable (records already written keep decoding). Returns the versions deleted.
     */
    public List<Integer> deleteSubject(String subject) {
        List<Integer> versions = new ArrayList<>();
        http.delete("/subjects/" + RegistryHttp.segment(subject)).forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The versions of {@code subject} ({@code GET /subjects/{subject}/versions}), ascending. */
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        http.get("/subjects/" + RegistryHttp.segment(subject) + "/versions").forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The latest version of {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
    public RegisteredSchema getLatest(String subject) {
        return registered(http.get("/subjects/" + RegistryHttp.segment(subject) + "/versions/latest"));
    }

    /** Version {@code version} of {@code subject} ({@code GET /subjects/{subject}/versions/{version}}). */
    public RegisteredSchema getVersion(String subject, int version) {
        return registered(http.get("/subjects/" + RegistryHttp.segment(subject) + "/versions/" + version));
    }

    /** The global compatibility level ({@code GET /config}), e.g. {@code BACKWARD}. */
    public String globalCompatibility() {
        return http.get("/config").get("compatibilityLevel").asText();
    }

    /** Sets the compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    public String setCompatibility(String subject, String level) {
        String path = subject == null ? "/config" : "/config/" + RegistryHttp.segment(subject);
        return http.put(path, Map.of("compatibility", level)).get("compatibility").asText();
    }

    private static Map<String, String> body(Schema schema) {
        return Map.of("schema", schema.toString());
    }

    private RegisteredSchema registered(JsonNode node) {
        int id = node.get("id").asInt();
        Schema schema = schemasById.computeIfAbsent(id, k -> parse(node.get("schema").asText(), "id " + id));
        return new RegisteredSchema(node.get("subject").asText(), node.get("version").asInt(), id, schema);
    }

    private Integer cachedId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, k -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw new RegistryException(RegistryErrorCodes.INVALID_SCHEMA, 200, "registry at " + url()
                    + " returned an unparsable schema for " + what + ": " + e.getMessage(), e);
        }
    }
}
