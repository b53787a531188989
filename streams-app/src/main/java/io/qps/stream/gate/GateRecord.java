package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One record passing through the gate: its causal key and an opaque payload. The gate never reads
 * nor copies the payload; callers must not mutate the array after handing it over. Equality compares
 * the payload's bytes.
 */
public record GateRecord(CausalKey key, byte[] payload) {

    /** Both parts are required; the payload may be empty. */
    public GateRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateRecord r && key.equals(r.key) && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return key.canonical() + ":" + HexFormat.of().formatHex(payload);
    }
}
