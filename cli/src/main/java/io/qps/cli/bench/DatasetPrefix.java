package io.qps.cli.bench;

import io.qps.core.data.DatasetReader;
import io.qps.core.data.DatasetWriter;
import io.qps.core.market.MarketEvent;
import java.nio.file.Path;

/** The start of a dataset as a dataset of its own: a paced run that should last a bounded wall time. */
final class DatasetPrefix {
    private DatasetPrefix() {
    }

    /**
     * Writes to {@code out} the events of {@code dataset} less than {@code spanMicros} of event time after its first
     * event (same header, seqs still dense from 1), and says where the first {@code warmupMicros} of them end.
     *
     * @return the events written and the warm-up's split
     */
    static Cut write(Path dataset, Path out, long warmupMicros, long spanMicros) {
        try (DatasetReader r = DatasetReader.open(dataset); DatasetWriter w = DatasetWriter.create(out, r.header())) {
            long first = Long.MIN_VALUE;
            long warmupEvents = 0;
            long firstAfterWarmup = -1;
            while (r.hasNext()) {
                MarketEvent e = r.next();
                if (first == Long.MIN_VALUE) {
                    first = e.timestampMicros();
                }
                long since = e.timestampMicros() - first;
                if (since >= spanMicros) {
                    break;
                }
                if (since < warmupMicros) {
                    warmupEvents++;
                } else if (firstAfterWarmup < 0) {
                    firstAfterWarmup = e.timestampMicros();
                }
                w.write(e);
            }
            return new Cut(w.finish().eventCount(), warmupEvents, firstAfterWarmup);
        }
    }

    /**
     * A cut of a dataset.
     *
     * @param events events written
     * @param warmupEvents events in the warm-up (the last of them is seq warmupEvents)
     * @param firstAfterWarmupMicros the event time of the first event after the warm-up, or -1 if none was written
     */
    record Cut(long events, long warmupEvents, long firstAfterWarmupMicros) {
    }
}
