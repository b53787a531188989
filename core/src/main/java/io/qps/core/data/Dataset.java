package io.qps.core.data;

import io.qps.core.market.MarketEvent;
import java.util.List;

/**
 * A dataset held in memory: its header, every event in {@code seq} order ({@code events.get(k).seq() == k + 1})
 * and its trailer.
 */
public record Dataset(DatasetHeader header, List<MarketEvent> events, DatasetTrailer trailer) {
    public Dataset {
        events = List.copyOf(events);
    }

    /** The dataset hash (the trailer's SHA-256, lower-case hex). */
    public String sha256() {
        return trailer.sha256();
    }
}
