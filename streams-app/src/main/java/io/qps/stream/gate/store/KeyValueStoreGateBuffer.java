package io.qps.stream.gate.store;

import io.qps.core.engine.CausalKey;
import io.qps.stream.gate.CausalKeyCodec;
import io.qps.stream.gate.GateBuffer;
import io.qps.stream.gate.GateRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A {@link GateBuffer} in a {@code KeyValueStore<Bytes, byte[]>} keyed by
 * {@link CausalKeyCodec#encode}: the store's lexicographic range scan returns causal-key order, so
 * {@link #upTo} is one range scan from the smallest seq to {@link CausalKeyCodec#seqPrefix}
 * {@code (maxSeq + 1)} (never a key itself, since keys are longer than 8 bytes).
 */
public final class KeyValueStoreGateBuffer implements GateBuffer {
    private static final Bytes LOWEST = Bytes.wrap(CausalKeyCodec.seqPrefix(Long.MIN_VALUE));

    private final KeyValueStore<Bytes, byte[]> store;

    /** A buffer over {@code store}, which the caller owns (opens, closes, changelogs). */
    public KeyValueStoreGateBuffer(KeyValueStore<Bytes, byte[]> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public byte[] get(CausalKey key) {
        return store.get(Bytes.wrap(CausalKeyCodec.encode(key)));
    }

    @Override
    public void put(CausalKey key, byte[] payload) {
        store.put(Bytes.wrap(CausalKeyCodec.encode(key)), payload);
    }

    @Override
    public void remove(CausalKey key) {
        store.delete(Bytes.wrap(CausalKeyCodec.encode(key)));
    }

    @Override
    public List<GateRecord> upTo(long maxSeq) {
        List<GateRecord> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = maxSeq == Long.MAX_VALUE ? store.all()
                : store.range(LOWEST, Bytes.wrap(CausalKeyCodec.seqPrefix(maxSeq + 1)))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.add(new GateRecord(CausalKeyCodec.decode(kv.key.get()), kv.value));
            }
        }
        return out;
    }
}
