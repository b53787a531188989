package io.qps.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.qps.registry.service.RegistryError;
import io.qps.schemas.registry.RegistryErrorCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading request bodies and writing answers in the registry's media type. */
final class HttpIo {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private HttpIo() {
    }

    /** The request body as a JSON object; a refusal with HTTP 400 if it is not one. */
    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new RegistryError(413, 413, "Request body larger than " + MAX_BODY + " bytes");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new RegistryError(400, 400, "Request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RegistryError(400, 400, "Unparsable JSON request body: " + e.getOriginalMessage());
        }
    }

    /** A string field of a request body, or a refusal with {@code errorCode} if it is missing. */
    static String text(JsonNode body, String field, int errorCode) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw new RegistryError(422, errorCode, "Missing or non-string field '" + field + "' in request body");
        }
        return node.asText();
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                body instanceof byte[] ? "application/json" : RegistryErrorCodes.MEDIA_TYPE);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange exchange, RegistryError e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", e.errorCode());
        body.put("message", e.getMessage());
        send(exchange, e.httpStatus(), body);
    }

    /** Percent-decodes one path segment ('+' stays '+'). */
    static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
