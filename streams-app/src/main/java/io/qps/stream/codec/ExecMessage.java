package io.qps.stream.codec;

import io.qps.core.execution.TargetPosition;
import io.qps.core.market.MarketEvent;
import java.util.Objects;

/**
 * A record of the exec repartition topic, sent to exactly {@link #partition()}: a tick from the router,
 * a cross-instrument target or a release marker from the cross task.
 */
public sealed interface ExecMessage {
    /** The exec partition this record must be written to. */
    int partition();

    /** The {@code seq} of the record's cause (the tick's own seq, the target's cause, the marker's bound). */
    long seq();

    /** A tick of an instrument owned by {@code partition}. */
    record Tick(int partition, MarketEvent event) implements ExecMessage {
        public Tick {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public long seq() {
            return event.seq();
        }
    }

    /** A target stated by a cross-instrument strategy for an instrument owned by {@code partition}. */
    record Target(int partition, TargetPosition target) implements ExecMessage {
        public Target {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public long seq() {
            return target.causeSeq();
        }
    }

    /**
     * "Everything for {@code partition} caused at or before {@code seq} has been written": the exec task may
     * release it. Written by the cross task, the single writer of targets and markers.
     */
    record Marker(int partition, long seq) implements ExecMessage {
    }
}
