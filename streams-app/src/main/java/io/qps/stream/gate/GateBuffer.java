package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.util.List;

/**
 * The gate's buffer of not-yet-released records, sorted by {@link CausalKey} order. The core uses
 * {@link TreeMapGateBuffer}; a Kafka Streams processor backs it by a changelogged key-value store whose
 * keys are {@link CausalKeyCodec#encode(CausalKey)}, so a lexicographic range scan gives key order.
 */
public interface GateBuffer {

    /** The payload stored under {@code key}, or {@code null} when there is none. */
    byte[] get(CausalKey key);

    /** Stores {@code payload} under {@code key}, replacing any previous value. */
    void put(CausalKey key, byte[] payload);

    /** Removes {@code key}; a missing key is ignored. */
    void remove(CausalKey key);

    /**
     * Every buffered record whose {@code seq <= maxSeq}, in ascending causal-key order. The returned
     * list is a snapshot: the caller may remove its entries from the buffer while walking it.
     */
    List<GateRecord> upTo(long maxSeq);

    /** Every buffered record, in ascending causal-key order (a snapshot). */
    default List<GateRecord> all() {
        return upTo(Long.MAX_VALUE);
    }
}
