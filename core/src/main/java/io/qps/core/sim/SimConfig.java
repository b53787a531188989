package io.qps.core.sim;

import io.qps.core.instrument.Universe;
import java.util.Objects;

/**
 * What the market simulator generates: together with the code version this fixes the dataset
 * byte for byte.
 *
 * @param seed root seed of every random stream
 * @param days number of simulated days, 1..366
 * @param startMicros start of the first day, microseconds since the Unix epoch (UTC); must be a
 *     whole second so the latent model's one-second grid is aligned
 * @param universe the instruments to simulate (at most {@value #MAX_INSTRUMENTS})
 * @param densityScale multiplies every instrument's event rate; 1.0 is the default density
 *     (about 2.4 million events for three days), within (0, 10]
 */
public record SimConfig(long seed, int days, long startMicros, Universe universe, double densityScale) {
    /** 2024-01-01T00:00:00Z, a Monday, in microseconds since the epoch. */
    public static final long DEFAULT_START_MICROS = 1_704_067_200_000_000L;
    /** Largest universe the simulator supports. */
    public static final int MAX_INSTRUMENTS = 64;

    public SimConfig {
        Objects.requireNonNull(universe, "universe");
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be within 1..366, was " + days);
        }
        if (startMicros < 0 || startMicros % 1_000_000L != 0) {
            throw new IllegalArgumentException("startMicros must be a non-negative whole second in micros, was "
                    + startMicros);
        }
        if (universe.size() == 0 || universe.size() > MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("universe must hold 1.." + MAX_INSTRUMENTS + " instruments, has "
                    + universe.size());
        }
        if (!(densityScale > 0.0 && densityScale <= 10.0)) {
            throw new IllegalArgumentException("densityScale must be within (0, 10], was " + densityScale);
        }
    }

    /** The standard universe from 2024-01-01T00:00:00Z (a Monday) at density 1.0. */
    public static SimConfig defaults(long seed, int days) {
        return new SimConfig(seed, days, DEFAULT_START_MICROS, Universe.standard(), 1.0);
    }

    /** The same configuration at another density. */
    public SimConfig withDensity(double scale) {
        return new SimConfig(seed, days, startMicros, universe, scale);
    }

    /** End of the simulated period (exclusive), micros. */
    public long endMicros() {
        return Math.addExact(startMicros, Math.multiplyExact(days, 86_400_000_000L));
    }
}
