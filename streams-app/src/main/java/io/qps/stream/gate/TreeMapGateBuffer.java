package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A heap {@link GateBuffer} on a {@link TreeMap} in causal-key order; for the core and its tests. */
public final class TreeMapGateBuffer implements GateBuffer {
    private final TreeMap<CausalKey, byte[]> records = new TreeMap<>();

    @Override
    public byte[] get(CausalKey key) {
        return records.get(key);
    }

    @Override
    public void put(CausalKey key, byte[] payload) {
        records.put(key, payload);
    }

    @Override
    public void remove(CausalKey key) {
        records.remove(key);
    }

    @Override
    public List<GateRecord> upTo(long maxSeq) {
        List<GateRecord> out = new ArrayList<>();
        for (Map.Entry<CausalKey, byte[]> e : records.entrySet()) {
            if (e.getKey().seq() > maxSeq) {
                break;
            }
            out.add(new GateRecord(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** A copy holding the same records (the same payload arrays). */
    public TreeMapGateBuffer copy() {
        TreeMapGateBuffer c = new TreeMapGateBuffer();
        c.records.putAll(records);
        return c;
    }
}
