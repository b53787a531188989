package io.qps.core.data;

import io.qps.core.sim.MarketSimulator;
import io.qps.core.sim.SimConfig;
import java.nio.file.Path;

/** Generating a dataset file from a simulator configuration. */
public final class DatasetFiles {
    private DatasetFiles() {
    }

    /**
     * Runs the simulator for {@code config} and streams its events into {@code out} (replaced if it
     * exists). The same configuration gives a byte-identical file on every machine.
     */
    public static DatasetSummary generate(SimConfig config, Path out) {
        try (DatasetWriter writer = DatasetWriter.create(out, DatasetHeader.of(config))) {
            new MarketSimulator(config).run(writer::write);
            return writer.finish();
        }
    }
}
