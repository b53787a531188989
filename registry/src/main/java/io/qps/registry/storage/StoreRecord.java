package io.qps.registry.storage;

/** One entry of the registry's log: a schema registration or a compatibility configuration change. */
public sealed interface StoreRecord permits StoreRecord.SchemaEntry, StoreRecord.ConfigEntry {

    /**
     * Schema text {@code schema} registered as version {@code version} of {@code subject} with global id
     * {@code id}.
     */
    record SchemaEntry(String subject, int version, int id, String schema) implements StoreRecord {
    }

    /** Compatibility level {@code level} set for {@code subject}, or globally when {@code subject} is null. */
    record ConfigEntry(String subject, String level) implements StoreRecord {
    }
}
