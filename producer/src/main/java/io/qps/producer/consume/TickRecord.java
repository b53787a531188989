package io.qps.producer.consume;

import io.qps.core.market.ProgressMarker;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.mapping.MarketEventMapping;
import java.time.Instant;
import java.util.Locale;

/**
 * One record of a ticks topic as read back: a market event, or a progress marker ({@link #isProgress()}) that the
 * publisher wrote between the events. Readers that want market data skip markers.
 *
 * @param partition its partition
 * @param offset its offset
 * @param timestampMillis the record timestamp (event time in milliseconds)
 * @param key the record key (the instrument's symbol; null for a marker)
 * @param value the decoded Avro event or marker
 */
public record TickRecord(int partition, long offset, long timestampMillis, String key, MarketEvent value) {
    /** Whether this record is a progress marker, not a market event. */
    public boolean isProgress() {
        return MarketEventMapping.isProgress(value);
    }

    /**
     * The marker this record carries.
     *
     * @throws IllegalArgumentException if it is a market event
     */
    public ProgressMarker progress() {
        return MarketEventMapping.toProgress(value);
    }

    /**
     * One JSON line: where the record is, its key and timestamp, and the event, e.g.
     * {@code {"partition": 0, "offset": 5, "timestamp": 1704067200001, "key": "BTC-USD", "value": {...}}} (a marker's
     * key is {@code null} and its type {@code Progress}).
     */
    public String toJsonLine() {
        return String.format(Locale.ROOT, "{\"partition\": %d, \"offset\": %d, \"timestamp\": %d, \"key\": %s,"
                + " \"type\": \"%s\", \"value\": %s}", partition, offset, timestampMillis,
                key == null ? "null" : "\"" + key + "\"", value.getPayload().getClass().getSimpleName(), value);
    }

    /**
     * One line for a progress marker: partition, offset, kind, seq and time, e.g.
     * {@code [p3 @1234] PROGRESS seq=4096 ts=2024-01-01T00:00:41.503250Z}.
     *
     * @throws IllegalArgumentException if it is a market event
     */
    public String toMarkerLine() {
        ProgressMarker m = progress();
        Instant ts = Instant.ofEpochSecond(Math.floorDiv(m.timestampMicros(), 1_000_000L),
                Math.floorMod(m.timestampMicros(), 1_000_000L) * 1_000L);
        return String.format(Locale.ROOT, "[p%d @%d] %s seq=%d ts=%s", partition, offset, m.kind(), m.seq(), ts);
    }
}
