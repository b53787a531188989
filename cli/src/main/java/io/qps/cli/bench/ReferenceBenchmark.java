package io.qps.cli.bench;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the reference engine's throughput: the dataset is decoded into memory first, then the
 * whole engine (strategies, execution, portfolio, output recording, canonical digest excluded) runs
 * over it several times in this thread. Wall-clock timing is the point here; nothing it measures
 * feeds back into any output.
 */
public final class ReferenceBenchmark {
    /** One measured pass. */
    public record Pass(long events, long nanos) {
        public double eventsPerSecond() {
            return events * 1e9 / nanos;
        }
    }

    private final Universe universe;
    private final List<MarketEvent> events;
    private final EngineConfig config;

    public ReferenceBenchmark(Universe universe, List<MarketEvent> events, EngineConfig config) {
        this.universe = universe;
        this.events = events;
        this.config = config;
    }

    /** Runs {@code warmup} unmeasured and {@code iterations} measured passes, printing each. */
    public List<Pass> run(int warmup, int iterations, PrintWriter out) {
        String digest = null;
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < warmup + iterations; i++) {
            long start = System.nanoTime();
            ReferenceRun run = new ReferenceRun(universe, config);
            for (MarketEvent e : events) {
                run.accept(e);
            }
            long nanos = System.nanoTime() - start;
            EngineResult result = run.finish();
            if (digest == null) {
                digest = result.digest();
            } else if (!digest.equals(result.digest())) {
                throw new IllegalStateException("pass " + i + " gave digest " + result.digest() + ", pass 0 gave " + digest);
            }
            Pass pass = new Pass(events.size(), nanos);
            boolean measured = i >= warmup;
            if (measured) {
                passes.add(pass);
            }
            out.printf("%-8s %d  %,12.0f events/s  (%,d events in %,d ms, %,d fills)%n", measured ? "pass" : "warmup",
                    measured ? i - warmup + 1 : i + 1, pass.eventsPerSecond(), pass.events(), nanos / 1_000_000,
                    result.outputs().fills().size());
            out.flush();
        }
        double[] rates = passes.stream().mapToDouble(Pass::eventsPerSecond).sorted().toArray();
        if (rates.length > 0) {
            out.printf("reference engine: median %,.0f events/s, best %,.0f events/s over %d passes (digest %s, identical in every pass)%n",
                    rates[rates.length / 2], rates[rates.length - 1], rates.length, digest);
            out.printf("all passes: %s%n", Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()));
        }
        return passes;
    }
}
