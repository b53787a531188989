package io.qps.registry.storage;

import java.util.List;

/**
 * The registry's durable log. Single writer: one registry instance owns a store.
 */
public interface SchemaStore extends AutoCloseable {
    /** Every entry appended so far, in append order (for a compacted log: the latest entry per key). */
    List<StoreRecord> load();

    /** Appends {@code entry}; when this returns, the entry survives a restart. */
    void append(StoreRecord entry);

    /** Where the store keeps its data, for messages. */
    String describe();

    @Override
    void close();
}
