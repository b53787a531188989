package io.qps.producer.consume;

import io.qps.schemas.MarketEvent;
import java.util.Locale;

/**
 * One record of a ticks topic as read back.
 *
 * @param partition its partition
 * @param offset its offset
 * @param timestampMillis the record timestamp (event time in milliseconds)
 * @param key the record key (the instrument's symbol)
 * @param value the decoded Avro event
 */
public record TickRecord(int partition, long offset, long timestampMillis, String key, MarketEvent value) {
    /**
     * One JSON line: where the record is, its key and timestamp, and the event, e.g.
     * {@code {"partition": 0, "offset": 5, "timestamp": 1704067200001, "key": "BTC-USD", "value": {...}}}.
     */
    public String toJsonLine() {
        return String.format(Locale.ROOT, "{\"partition\": %d, \"offset\": %d, \"timestamp\": %d, \"key\": \"%s\","
                + " \"type\": \"%s\", \"value\": %s}", partition, offset, timestampMillis, key,
                value.getPayload().getClass().getSimpleName(), value);
    }
}
