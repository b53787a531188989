package io.qps.stream.codec;

import io.qps.core.market.MarketEvent;
import java.util.Objects;

/**
 * What the router tells the cross-instrument task about one tick: the whole event and the ticks partition
 * it came from (so the cross task learns which exec partition owns each instrument).
 *
 * @param partition the ticks partition (= exec partition) of the event's instrument, {@code >= 0}
 * @param event the tick, whose {@code seq} is the digest's sequence number
 */
public record MarketDigest(int partition, MarketEvent event) {
    public MarketDigest {
        Objects.requireNonNull(event, "event");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition);
        }
    }

    public long seq() {
        return event.seq();
    }
}
