package io.qps.verify;

import io.qps.core.data.DatasetFiles;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.OutputTopic;
import io.qps.core.instrument.Universe;
import io.qps.core.sim.SimConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The verifier's memory and rate without a broker: three reference-engine runs streamed over one dataset file,
 * verified as live, replay and reference. Run it under {@code /usr/bin/time -v} for the peak RSS:
 * {@code java -cp ... io.qps.verify.VerifyMemoryBench DATASET [DAYS SEED] [CHUNK_LINES]} (generates DATASET from
 * DAYS and SEED when it does not exist).
 */
public final class VerifyMemoryBench {
    private VerifyMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        if (!Files.exists(dataset)) {
            int days = Integer.parseInt(args[1]);
            long seed = Long.parseLong(args[2]);
            long t0 = System.nanoTime();
            DatasetFiles.generate(SimConfig.defaults(seed, days), dataset);
            System.out.printf("generated %s in %.1f s%n", dataset, (System.nanoTime() - t0) / 1e9);
            return;
        }
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : SpillSettings.defaults().chunkLines();
        EngineConfig config = EngineConfig.defaults();
        Universe universe;
        long events;
        long engineNanos = System.nanoTime();
        long[] outputs = new long[1];
        try (DatasetReader probe = DatasetReader.open(dataset)) {
            universe = probe.header().universe();
            events = probe.trailer().eventCount();
            RunSource.reference(universe, config, probe).forEach((t, r) -> outputs[0]++);
        }
        engineNanos = System.nanoTime() - engineNanos;
        System.out.printf("one reference run alone (open + checksum + engine): %.1f s, %,d outputs%n",
                engineNanos / 1e9, outputs[0]);
        long t0 = System.nanoTime();
        try (DatasetReader a = DatasetReader.open(dataset); DatasetReader b = DatasetReader.open(dataset);
             DatasetReader c = DatasetReader.open(dataset)) {
            RunSource live = RunSource.of("live", RunSource.reference(universe, config, a)::forEach);
            RunSource replay = RunSource.of("replay-1", RunSource.reference(universe, config, b)::forEach);
            Verification v = Verification.of("bench", new Provenance("-", "-", "-", 0, 0, "-"), live, replay,
                    RunSource.reference(universe, config, c), universe, config, InputEvents.of(dataset),
                    new SpillSettings(Path.of(System.getProperty("java.io.tmpdir")), chunk));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long lines = 0;
            for (OutputTopic t : OutputTopic.values()) {
                lines += v.live().canonical().records(t);
                System.out.printf("%-9s %,12d lines  %s%n", t.suffix(), v.live().canonical().records(t),
                        v.live().canonical().digest(t));
            }
            System.out.printf("events %,d; lines per run %,d; verdict %s; verify %.1f s; %,.0f events/s;"
                    + " without the three reference runs %.1f s: %,.0f lines/s sorted and compared%n", events, lines,
                    Comparison.verdict(v.passed()), seconds, events / seconds, seconds - 3 * engineNanos / 1e9,
                    3 * lines / (seconds - 3 * engineNanos / 1e9));
            System.out.println("results.json bytes: " + ResultsDocuments.text(ResultsDocuments.summary(v)).length()
                    + ", results_detailed.json bytes: " + ResultsDocuments.text(ResultsDocuments.detailed(v)).length());
        }
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                System.out.printf("heap pool %-24s peak used %,d KB%n", pool.getName(),
                        pool.getPeakUsage().getUsed() / 1024);
            }
        }
    }
}
