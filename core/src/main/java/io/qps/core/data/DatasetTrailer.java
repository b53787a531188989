package io.qps.core.data;

import java.util.List;

/**
 * What a dataset file records after its events.
 *
 * @param eventCount number of events (also the last {@code seq})
 * @param eventsPerInstrument events of each instrument, in instrument id order
 * @param sha256 lower-case hex SHA-256 of every byte of the file before the trailer; the dataset's hash
 */
public record DatasetTrailer(long eventCount, List<Long> eventsPerInstrument, String sha256) {
    public DatasetTrailer {
        eventsPerInstrument = List.copyOf(eventsPerInstrument);
    }
}
