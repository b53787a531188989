package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A {@link GateBuffer} shaped like a Kafka Streams byte key-value store: keys are
 * {@link CausalKeyCodec} bytes in unsigned lexicographic order, and {@link #upTo} is a range scan
 * bounded by {@link CausalKeyCodec#seqPrefix}. It proves the codec gives the same order as the keys.
 */
final class EncodedGateBuffer implements GateBuffer {
    private final TreeMap<byte[], byte[]> store = new TreeMap<>(Arrays::compareUnsigned);

    @Override
    public byte[] get(CausalKey key) {
        return store.get(CausalKeyCodec.encode(key));
    }

    @Override
    public void put(CausalKey key, byte[] payload) {
        store.put(CausalKeyCodec.encode(key), payload);
    }

    @Override
    public void remove(CausalKey key) {
        store.remove(CausalKeyCodec.encode(key));
    }

    @Override
    public List<GateRecord> upTo(long maxSeq) {
        NavigableMap<byte[], byte[]> range = maxSeq == Long.MAX_VALUE ? store
                : store.headMap(CausalKeyCodec.seqPrefix(maxSeq + 1), false);
        List<GateRecord> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
            out.add(new GateRecord(CausalKeyCodec.decode(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The raw store contents, as a changelog would hold them. */
    TreeMap<byte[], byte[]> raw() {
        return store;
    }

    /** A buffer restored from raw store contents (what a changelog restore rebuilds). */
    static EncodedGateBuffer fromRaw(Map<byte[], byte[]> raw) {
        EncodedGateBuffer b = new EncodedGateBuffer();
        for (Map.Entry<byte[], byte[]> e : raw.entrySet()) {
            b.store.put(e.getKey().clone(), e.getValue().clone());
        }
        return b;
    }
}
