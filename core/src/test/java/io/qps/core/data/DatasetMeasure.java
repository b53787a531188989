package io.qps.core.data;

import io.qps.core.market.MarketEvent;
import io.qps.core.sim.SimConfig;
import java.nio.file.Path;

/**
 * Measures generation and loading of a dataset (a command, not a test):
 * {@code java -cp core/target/classes:core/target/test-classes io.qps.core.data.DatasetMeasure 42 3 /tmp/qps-42-3.qpsd}.
 * Wall-clock timing is allowed here because it is a benchmark outside the core's main code.
 */
public final class DatasetMeasure {
    private DatasetMeasure() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = Path.of(args.length > 2 ? args[2] : "target/qps-" + seed + "-" + days + ".qpsd");
        SimConfig cfg = SimConfig.defaults(seed, days);
        long t0 = System.nanoTime();
        DatasetSummary s = DatasetFiles.generate(cfg, out);
        long t1 = System.nanoTime();
        System.out.printf("generate: %d events, %d bytes (%.1f bytes/event), %.2f s, sha256 %s%n",
                s.eventCount(), s.bytes(), (double) s.bytes() / s.eventCount(), (t1 - t0) / 1e9, s.sha256());
        for (int i = 0; i < cfg.universe().size(); i++) {
            System.out.printf("  %-8s %,10d events%n", cfg.universe().get(i).symbol(), s.eventsPerInstrument().get(i));
        }
        long t2 = System.nanoTime();
        long n = 0;
        try (DatasetReader r = DatasetReader.open(out)) {
            while (r.hasNext()) {
                MarketEvent e = r.next();
                n += e.seq() > 0 ? 1 : 0;
            }
        }
        long t3 = System.nanoTime();
        System.out.printf("stream-read (verify + decode): %d events, %.2f s%n", n, (t3 - t2) / 1e9);
        Dataset d = DatasetReader.load(out);
        long t4 = System.nanoTime();
        System.out.printf("load into memory: %d events, %.2f s, sha256 %s%n", d.events().size(), (t4 - t3) / 1e9, d.sha256());
    }
}
