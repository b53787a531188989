package io.qps.core.data;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.sim.SimConfig;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset file says about itself before its events: the format version, the simulator
 * configuration that produced it and the full instrument table (in id order).
 *
 * @param formatVersion version of the file format, {@link #FORMAT_VERSION} for files this build writes
 * @param seed the simulator's seed
 * @param days simulated days
 * @param startMicros start of the first day, microseconds since the epoch (UTC); no event is earlier
 * @param densityScale the simulator's density scale
 * @param instruments the instrument table; {@code instruments.get(i).id() == i}
 */
public record DatasetHeader(int formatVersion, long seed, int days, long startMicros, double densityScale,
                            List<Instrument> instruments) {
    /** The format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public DatasetHeader {
        instruments = List.copyOf(instruments);
        if (instruments.isEmpty() || instruments.size() > SimConfig.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("a dataset holds 1.." + SimConfig.MAX_INSTRUMENTS
                    + " instruments, not " + instruments.size());
        }
        for (int i = 0; i < instruments.size(); i++) {
            Objects.requireNonNull(instruments.get(i), "instrument");
            if (instruments.get(i).id() != i) {
                throw new IllegalArgumentException("instrument " + instruments.get(i).symbol() + " has id "
                        + instruments.get(i).id() + " at position " + i);
            }
        }
    }

    /** The header of the dataset {@code config} generates, in the current format version. */
    public static DatasetHeader of(SimConfig config) {
        return new DatasetHeader(FORMAT_VERSION, config.seed(), config.days(), config.startMicros(),
                config.densityScale(), config.universe().all());
    }

    /** The instrument table as a {@link Universe}. */
    public Universe universe() {
        return new Universe(instruments);
    }

    /** The simulator configuration recorded in this header. */
    public SimConfig simConfig() {
        return new SimConfig(seed, days, startMicros, universe(), densityScale);
    }
}
