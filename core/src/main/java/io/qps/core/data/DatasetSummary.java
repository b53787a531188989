package io.qps.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of writing a dataset file.
 *
 * @param file where it was written
 * @param eventCount number of events
 * @param eventsPerInstrument events of each instrument, in id order
 * @param bytes file size in bytes
 * @param sha256 the dataset hash: lower-case hex SHA-256 of the file before its trailer
 */
public record DatasetSummary(Path file, long eventCount, List<Long> eventsPerInstrument, long bytes, String sha256) {
    public DatasetSummary {
        eventsPerInstrument = List.copyOf(eventsPerInstrument);
    }
}
