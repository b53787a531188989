package io.qps.core.market;

import java.util.Objects;

/**
 * A progress record the producer writes into every partition of a session's ticks topic, between the
 * events. It is not market data: it changes no state and causes no output. It only tells the partition's
 * reader how far the whole session has got, so that a quiet or empty partition still advances.
 *
 * <p>A marker {@code (kind, seq, timestampMicros)} says: every event with {@code seq <= this.seq} has been
 * published (to whichever partition it belongs), and {@code timestampMicros} is event {@code seq}'s time
 * (for {@link Kind#START}, {@code seq} is 0 and the time is the first event's). So every event after the
 * marker in its partition has {@code seq > this.seq} and a time {@code >= timestampMicros}.
 *
 * <p>Where markers fall (how many events apart, or how much wall time) decides when a reader may
 * release outputs, never what the outputs are.
 */
public record ProgressMarker(Kind kind, long seq, long timestampMicros) {

    /** The kind of marker. Persisted by name in the ticks topic; new constants go last. */
    public enum Kind {
        /** Written once into every partition before the first event: seq 0, the first event's time. */
        START,
        /** Written into every partition while publishing: the last seq published and its time. */
        PROGRESS,
        /** Written once into every partition after the last event: the last seq and its time. */
        END
    }

    public ProgressMarker {
        Objects.requireNonNull(kind, "kind");
        if (seq < 0 || (kind == Kind.START) != (seq == 0)) {
            throw new IllegalArgumentException(kind + " marker with seq " + seq
                    + ": START carries seq 0, the others the last seq published (>= 1)");
        }
    }
}
