package io.qps.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.qps.registry.service.CompatibilityLevel;
import io.qps.registry.service.RegistryError;
import io.qps.registry.service.SchemaRegistryState;
import io.qps.registry.service.SubjectVersion;
import io.qps.schemas.registry.RegistryErrorCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes Confluent Schema Registry v1 requests: {@code /subjects...}, {@code /schemas/ids/{id}},
 * {@code /compatibility/subjects/{s}/versions/{v}}, {@code /config[/{s}]}. Unknown paths answer 404 and wrong
 * methods 405, each with an {@code error_code} body.
 */
public final class RegistryHandler implements HttpHandler {
    private final SchemaRegistryState state;

    public RegistryHandler(SchemaRegistryState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()));
        } catch (RegistryError e) {
            HttpIo.error(exchange, e);
        } catch (RuntimeException e) {
            HttpIo.error(exchange, new RegistryError(500, 500, "Internal error: " + e));
        } finally {
            exchange.close();
        }
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(HttpIo.decode(s));
            }
        }
        return segments;
    }

    private void route(HttpExchange ex, String method, List<String> p) throws IOException {
        int n = p.size();
        String head = n == 0 ? "" : p.get(0);
        if (n == 0) {
            only(method, "GET");
            HttpIo.send(ex, 200, Map.of());
        } else if (head.equals("subjects")) {
            subjects(ex, method, p);
        } else if (head.equals("schemas") && n >= 3 && p.get(1).equals("ids") && n <= 4) {
            only(method, "GET");
            String text = state.schemaText(id(p.get(2)));
            if (n == 4 && p.get(3).equals("schema")) {
                HttpIo.send(ex, 200, text.getBytes(StandardCharsets.UTF_8));
            } else if (n == 3) {
                HttpIo.send(ex, 200, Map.of("schema", text));
            } else {
                throw notFound();
            }
        } else if (head.equals("schemas") && n == 2 && p.get(1).equals("types")) {
            only(method, "GET");
            HttpIo.send(ex, 200, List.of("AVRO"));
        } else if (head.equals("compatibility") && n == 5 && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
            only(method, "POST");
            List<String> problems = state.compatibility(p.get(2), p.get(4), schemaOf(HttpIo.body(ex)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("is_compatible", problems.isEmpty());
            if (String.valueOf(ex.getRequestURI().getQuery()).contains("verbose=true")) {
                answer.put("messages", problems);
            }
            HttpIo.send(ex, 200, answer);
        } else if (head.equals("config") && n <= 2) {
            config(ex, method, n == 2 ? p.get(1) : null);
        } else {
            throw notFound();
        }
    }

    private void subjects(HttpExchange ex, String method, List<String> p) throws IOException {
        int n = p.size();
        if (n == 1) {
            only(method, "GET");
            HttpIo.send(ex, 200, state.subjects());
        } else if (n == 2) {
            only(method, "POST");
            HttpIo.send(ex, 200, json(state.lookup(p.get(1), schemaOf(HttpIo.body(ex)))));
        } else if (n == 3 && p.get(2).equals("versions")) {
            if (method.equals("POST")) {
                HttpIo.send(ex, 200, Map.of("id", state.register(p.get(1), schemaOf(HttpIo.body(ex)))));
            } else {
                only(method, "GET");
                HttpIo.send(ex, 200, state.versions(p.get(1)));
            }
        } else if (n == 4 && p.get(2).equals("versions")) {
            only(method, "GET");
            HttpIo.send(ex, 200, json(state.version(p.get(1), p.get(3))));
        } else if (n == 5 && p.get(2).equals("versions") && p.get(4).equals("schema")) {
            only(method, "GET");
            HttpIo.send(ex, 200, state.version(p.get(1), p.get(3)).text().getBytes(StandardCharsets.UTF_8));
        } else {
            throw notFound();
        }
    }

    private void config(HttpExchange ex, String method, String subject) throws IOException {
        if (method.equals("PUT")) {
            String name = HttpIo.text(HttpIo.body(ex), "compatibility", RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL);
            CompatibilityLevel level = CompatibilityLevel.parse(name);
            if (level == null) {
                throw new RegistryError(422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL,
                        "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
                                + " forward_transitive, and full_transitive");
            }
            state.setLevel(subject, level);
            HttpIo.send(ex, 200, Map.of("compatibility", level.name()));
            return;
        }
        only(method, "GET");
        CompatibilityLevel level = subject == null ? state.globalLevel() : state.subjectLevel(subject);
        if (level == null && String.valueOf(ex.getRequestURI().getQuery()).contains("defaultToGlobal=true")) {
            level = state.globalLevel();
        }
        if (level == null) {
            throw new RegistryError(404, RegistryErrorCodes.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '" + subject + "' does not have subject-level compatibility configured");
        }
        HttpIo.send(ex, 200, Map.of("compatibilityLevel", level.name()));
    }

    private static String schemaOf(JsonNode body) {
        JsonNode type = body.get("schemaType");
        if (type != null && !type.isNull() && !type.asText().equals("AVRO")) {
            throw new RegistryError(422, RegistryErrorCodes.INVALID_SCHEMA,
                    "Invalid schema type " + type.asText() + ": this registry supports AVRO only");
        }
        JsonNode refs = body.get("references");
        if (refs != null && refs.isArray() && refs.size() > 0) {
            throw new RegistryError(422, RegistryErrorCodes.INVALID_SCHEMA, "Schema references are not supported");
        }
        return HttpIo.text(body, "schema", RegistryErrorCodes.INVALID_SCHEMA);
    }

    private static Map<String, Object> json(SubjectVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", v.subject());
        m.put("version", v.version());
        m.put("id", v.id());
        m.put("schema", v.text());
        return m;
    }

    private static int id(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RegistryError(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, "Schema " + s + " not found");
        }
    }

    private static void only(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new RegistryError(405, 405, "HTTP 405 Method Not Allowed");
        }
    }

    private static RegistryError notFound() {
        return new RegistryError(404, 404, "HTTP 404 Not Found");
    }
}
