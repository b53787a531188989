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
}
