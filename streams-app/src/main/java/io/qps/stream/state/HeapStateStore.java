package io.qps.stream.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A store for state that a processor keeps on the heap and writes only when its task commits.
 *
 * <p>The processor registers a hook with {@link #onCommit(Runnable)}; the hook writes the heap state
 * through {@link #putBlob} into the changelogged key-value store inside. Kafka Streams calls
 * {@link #flushCache()} in the task's prepare-commit step, after the last record of the transaction and
 * before the record collector is flushed and the transaction (changelog records and input offsets
 * together) commits. So the changelog always holds the state that matches the committed offsets, which
 * is what exactly-once restore needs, and the state is serialized once per commit instead of once per
 * record. {@link CachedStateStore} is a Kafka Streams internal interface: it is the hook Streams offers
 * its own caching stores for exactly this moment ({@code HeapStateStoreTest} pins the behaviour).
 *
 * <p>Blobs are cut into chunks of at most {@link #CHUNK_BYTES} so that a large state never exceeds the
 * broker's record size limit; the chunks of a blob that shrank are deleted.
 */
public final class HeapStateStore implements StateStore, CachedStateStore<Bytes, byte[]> {
    /** Largest value written to the changelog in one record. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final KeyValueStore<Bytes, byte[]> inner;
    private Runnable commitHook;

    HeapStateStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    /**
     * A store over an unlogged in-memory store: for tests and tools that drive processors without Kafka
     * Streams (nothing survives the process).
     */
    public static HeapStateStore unlogged(String name) {
        return new HeapStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                org.apache.kafka.streams.state.Stores.inMemoryKeyValueStore(name),
                org.apache.kafka.common.serialization.Serdes.Bytes(),
                org.apache.kafka.common.serialization.Serdes.ByteArray()).withLoggingDisabled().build());
    }

    /** Sets what writes the processor's heap state; called at every commit. */
    public void onCommit(Runnable hook) {
        this.commitHook = hook;
    }

    /** Writes {@code value} under {@code name}, in chunks; {@code null} deletes it. */
    public void putBlob(String name, byte[] value) {
        int chunks = value == null ? 0 : Math.max(1, (value.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        byte[] count = inner.get(countKey(name));
        int old = count == null ? 0 : fromBytes(count);
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK_BYTES;
            int to = Math.min(value.length, from + CHUNK_BYTES);
            byte[] chunk = new byte[to - from];
            System.arraycopy(value, from, chunk, 0, chunk.length);
            inner.put(chunkKey(name, c), chunk);
        }
        for (int c = chunks; c < old; c++) {
            inner.delete(chunkKey(name, c));
        }
        if (chunks != old) {
            if (chunks == 0) {
                inner.delete(countKey(name));
            } else {
                inner.put(countKey(name), toBytes(chunks));
            }
        }
    }

    /** The blob written under {@code name}, or {@code null}. */
    public byte[] getBlob(String name) {
        byte[] count = inner.get(countKey(name));
        if (count == null) {
            return null;
        }
        int chunks = fromBytes(count);
        List<byte[]> parts = new ArrayList<>(chunks);
        int size = 0;
        for (int c = 0; c < chunks; c++) {
            byte[] part = inner.get(chunkKey(name, c));
            if (part == null) {
                throw new IllegalStateException("state blob " + name + " misses chunk " + c + " of " + chunks);
            }
            parts.add(part);
            size += part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static Bytes countKey(String name) {
        return Bytes.wrap((name + "#n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Bytes chunkKey(String name, int c) {
        return Bytes.wrap((name + "#" + c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] toBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static int fromBytes(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    @Override
    public void flushCache() {
        if (commitHook != null && inner.isOpen()) {
            commitHook.run();
        }
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public void clearCache() {
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        inner.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public void close() {
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }
}
