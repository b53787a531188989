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
     * event (same header, seqs still dense from 1).
     *
     * @return the events written
     */
    static long write(Path dataset, Path out, long spanMicros) {
        try (DatasetReader r = DatasetReader.open(dataset); DatasetWriter w = DatasetWriter.create(out, r.header())) {
            long first = Long.MIN_VALUE;
            while (r.hasNext()) {
                MarketEvent e = r.next();
                if (first == Long.MIN_VALUE) {
                    first = e.timestampMicros();
                }
                if (e.timestampMicros() - first >= spanMicros) {
                    break;
                }
                w.write(e);
            }
            return w.finish().eventCount();
        }
    }

    /**
     * Where {@code spanMicros} of event time after the first event of {@code dataset} end.
     *
     * @param eventsBefore events less than {@code spanMicros} after the first (the last of them is seq eventsBefore)
     * @param firstAfterMicros the event time of the first event after them, or -1 if there is none
     */
    record Split(long eventsBefore, long firstAfterMicros) {
    }

    static Split split(Path dataset, long spanMicros) {
        try (DatasetReader r = DatasetReader.open(dataset)) {
            long first = Long.MIN_VALUE;
            long n = 0;
            while (r.hasNext()) {
                MarketEvent e = r.next();
                if (first == Long.MIN_VALUE) {
                    first = e.timestampMicros();
                }
                if (e.timestampMicros() - first >= spanMicros) {
                    return new Split(n, e.timestampMicros());
                }
                n++;
            }
            return new Split(n, -1);
        }
    }
}
