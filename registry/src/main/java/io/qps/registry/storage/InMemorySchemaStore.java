package io.qps.registry.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A store on the heap, for tests. Sharing one instance between two registries in sequence simulates a restart.
 */
public final class InMemorySchemaStore implements SchemaStore {
    private final List<StoreRecord> entries = new ArrayList<>();

    @Override
    public synchronized List<StoreRecord> load() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(StoreRecord entry) {
        entries.add(entry);
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        // nothing to release; the entries stay readable by a later registry
    }
}
