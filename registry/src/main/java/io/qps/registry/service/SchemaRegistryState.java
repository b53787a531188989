package io.qps.registry.service;

import io.qps.registry.storage.SchemaStore;
import io.qps.registry.storage.StoreException;
import io.qps.registry.storage.StoreRecord;
import io.qps.schemas.registry.RegistryErrorCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Subjects, versions, ids and compatibility levels, rebuilt from a {@link SchemaStore} and kept in step with it:
 * every change is appended to the store before it takes effect, so an answer is only given once it is durable.
 * Ids are global: a new distinct schema text gets {@code max id + 1}; the same text under another subject reuses
 * its id. Thread-safe (every operation holds the instance's lock).
 */
public final class SchemaRegistryState {
    private final SchemaStore store;
    private final Map<String, List<SubjectVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> textById = new TreeMap<>();
    private final Map<String, Integer> idByText = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new TreeMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId;

    /** Replays {@code store} into a new state. */
    public SchemaRegistryState(SchemaStore store) {
        this.store = store;
        for (StoreRecord entry : store.load()) {
            apply(entry);
        }
    }

    private void apply(StoreRecord entry) {
        if (entry instanceof StoreRecord.SchemaEntry s) {
            Schema schema = new Schema.Parser().parse(s.schema());
            subjects.computeIfAbsent(s.subject(), k -> new ArrayList<>())
                    .add(new SubjectVersion(s.subject(), s.version(), s.id(), schema, s.schema()));
            textById.put(s.id(), s.schema());
            idByText.putIfAbsent(s.schema(), s.id());
            maxId = Math.max(maxId, s.id());
        } else if (entry instanceof StoreRecord.ConfigEntry c) {
            CompatibilityLevel level = CompatibilityLevel.valueOf(c.level());
            if (c.subject() == null) {
                globalLevel = level;
            } else {
                subjectLevels.put(c.subject(), level);
            }
        }
    }

    private void persist(StoreRecord entry) {
        try {
            store.append(entry);
        } catch (StoreException e) {
            throw new RegistryError(500, RegistryErrorCodes.STORE_ERROR,
                    "Error while storing in the backend store " + store.describe() + ": " + e.getMessage());
        }
        apply(entry);
    }

    /** Registers {@code schemaText} under {@code subject}; returns its id (the existing one if already there). */
    public synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String text = schema.toString();
        List<SubjectVersion> versions = subjects.getOrDefault(subject, List.of());
        for (SubjectVersion v : versions) {
            if (v.text().equals(text)) {
                return v.id();
            }
        }
        List<String> problems = CompatibilityChecker.check(level(subject), schema, schemas(versions));
        if (!problems.isEmpty()) {
            throw new RegistryError(409, RegistryErrorCodes.INCOMPATIBLE_SCHEMA,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                            + "\", details: " + problems);
        }
        int id = idByText.getOrDefault(text, maxId + 1);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        persist(new StoreRecord.SchemaEntry(subject, version, id, text));
        return id;
    }

    /** The version of {@code subject} whose schema equals {@code schemaText}. */
    public synchronized SubjectVersion lookup(String subject, String schemaText) {
        List<SubjectVersion> versions = versionsOf(subject);
        String text = parse(schemaText).toString();
        for (SubjectVersion v : versions) {
            if (v.text().equals(text)) {
                return v;
            }
        }
        throw RegistryError.schemaNotFound("Schema not found");
    }

    /** The schema text with id {@code id}. */
    public synchronized String schemaText(int id) {
        String text = textById.get(id);
        if (text == null) {
            throw RegistryError.schemaNotFound("Schema " + id + " not found");
        }
        return text;
    }

    /** Every subject, sorted. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    /** The version numbers of {@code subject}, ascending. */
    public synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(SubjectVersion::version).toList();
    }

    /** Version {@code spec} ("latest" or a positive number) of {@code subject}. */
    public synchronized SubjectVersion version(String subject, String spec) {
        List<SubjectVersion> versions = versionsOf(subject);
        if (spec.equals("latest") || spec.equals("-1")) {
            return versions.get(versions.size() - 1);
        }
        int wanted = parseVersion(spec);
        for (SubjectVersion v : versions) {
            if (v.version() == wanted) {
                return v;
            }
        }
        throw RegistryError.versionNotFound(subject, spec);
    }

    /**
     * Why {@code schemaText} could not be registered next under {@code subject} (empty: it could), checked against
     * version {@code spec}, or against the subject's versions at its level when {@code spec} is "latest". A missing
     * subject has nothing to be incompatible with when {@code spec} is "latest".
     */
    public synchronized List<String> compatibility(String subject, String spec, String schemaText) {
        Schema schema = parse(schemaText);
        boolean latest = spec.equals("latest") || spec.equals("-1");
        if (latest && !subjects.containsKey(subject)) {
            return List.of();
        }
        List<Schema> against = latest ? schemas(versionsOf(subject)) : List.of(version(subject, spec).schema());
        return CompatibilityChecker.check(level(subject), schema, against);
    }

    /** The global compatibility level. */
    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, or null if it has none. */
    public synchronized CompatibilityLevel subjectLevel(String subject) {
        return subjectLevels.get(subject);
    }

    /** Sets the level of {@code subject}, or the global one when {@code subject} is null. */
    public synchronized void setLevel(String subject, CompatibilityLevel level) {
        persist(new StoreRecord.ConfigEntry(subject, level.name()));
    }

    private CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    private List<SubjectVersion> versionsOf(String subject) {
        List<SubjectVersion> versions = subjects.get(subject);
        if (versions == null) {
            throw RegistryError.subjectNotFound(subject);
        }
        return versions;
    }

    private static List<Schema> schemas(List<SubjectVersion> versions) {
        return versions.stream().map(SubjectVersion::schema).toList();
    }

    private static int parseVersion(String spec) {
        try {
            int v = Integer.parseInt(spec);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new RegistryError(422, RegistryErrorCodes.INVALID_VERSION, "The specified version '" + spec
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            // Avro 1.12's parser throws a NullPointerException for an unknown type name ("recrod")
            throw RegistryError.invalidSchema(String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }
}
