package io.qps.registry.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON keys and values of the {@code _qps_schemas} topic, shaped like Confluent's {@code _schemas}: key
 * {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}} with value
 * {@code {"subject":s,"version":v,"id":n,"schema":text,"deleted":false}}, or key
 * {@code {"keytype":"CONFIG","subject":s|null,"magic":0}} with value {@code {"compatibilityLevel":level}}.
 * One key per subject version and per config scope, so compaction keeps every registration.
 */
final class StoreRecordCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecordCodec() {
    }

    static byte[] key(StoreRecord entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof StoreRecord.SchemaEntry s) {
            key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version()).put("magic", 1);
        } else if (entry instanceof StoreRecord.ConfigEntry c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return bytes(key);
    }

    static byte[] value(StoreRecord entry) {
        ObjectNode value = JSON.createObjectNode();
        if (entry instanceof StoreRecord.SchemaEntry s) {
            value.put("subject", s.subject()).put("version", s.version()).put("id", s.id())
                    .put("schema", s.schema()).put("deleted", false);
        } else if (entry instanceof StoreRecord.ConfigEntry c) {
            value.put("compatibilityLevel", c.level());
        }
        return bytes(value);
    }

    /** The entry of a topic record, or null for a record this registry does not use (or a tombstone). */
    static StoreRecord decode(byte[] key, byte[] value) {
        if (key == null || value == null) {
            return null;
        }
        try {
            JsonNode k = JSON.readTree(key);
            JsonNode v = JSON.readTree(value);
            String type = k.path("keytype").asText();
            if (type.equals("SCHEMA") && !v.path("deleted").asBoolean(false)) {
                return new StoreRecord.SchemaEntry(field(v, "subject").asText(), field(v, "version").asInt(),
                        field(v, "id").asInt(), field(v, "schema").asText());
            }
            if (type.equals("CONFIG")) {
                JsonNode subject = k.get("subject");
                return new StoreRecord.ConfigEntry(subject == null || subject.isNull() ? null : subject.asText(),
                        field(v, "compatibilityLevel").asText());
            }
            return null;
        } catch (IOException e) {
            throw new StoreException("corrupt record in the schemas topic: " + new String(key, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonNode field(JsonNode node, String name) throws IOException {
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            throw new IOException("missing field '" + name + "'");
        }
        return field;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
