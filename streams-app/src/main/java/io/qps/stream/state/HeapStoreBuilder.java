package io.qps.stream.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.common.utils.Bytes;

/** Builds a {@link HeapStateStore}: an in-memory, changelogged, uncached key-value store inside. */
public final class HeapStoreBuilder implements StoreBuilder<HeapStateStore> {
    private StoreBuilder<KeyValueStore<Bytes, byte[]>> inner;

    public HeapStoreBuilder(String name) {
        this.inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(Map.of());
    }

    @Override
    public StoreBuilder<HeapStateStore> withCachingEnabled() {
        throw new UnsupportedOperationException("a heap state store writes at commit; it has no cache");
    }

    @Override
    public StoreBuilder<HeapStateStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<HeapStateStore> withLoggingEnabled(Map<String, String> config) {
        inner = inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<HeapStateStore> withLoggingDisabled() {
        throw new UnsupportedOperationException("a heap state store must be changelogged to survive a crash");
    }

    @Override
    public HeapStateStore build() {
        return new HeapStateStore(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
