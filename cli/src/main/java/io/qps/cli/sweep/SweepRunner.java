package io.qps.cli.sweep;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.ReferenceRun;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.stats.PerformanceStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the reference engine once per sweep point over the same events, on a fixed pool of threads. Each run is an
 * independent pure function of (events, configuration), so the results, returned in point order, do not depend on
 * the thread count or on which run finishes first.
 */
public final class SweepRunner {
    /** One point's outcome. */
    public record PointResult(Map<String, String> point, String configSha256, PerformanceStats stats) {
    }

    private final Universe universe;
    private final EngineConfig base;
    private final String book;
    private final int threads;

    /**
     * @param book the book whose statistics are reported ({@code TOTAL} or a strategy code)
     * @param threads engine runs at once, at least 1
     */
    public SweepRunner(Universe universe, EngineConfig base, String book, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.universe = universe;
        this.base = base;
        this.book = book;
        this.threads = threads;
    }

    /** Every point's configuration, checked before anything runs (a bad value fails the sweep at once). */
    public List<EngineConfig> configs(List<Map<String, String>> points) {
        List<EngineConfig> configs = new ArrayList<>();
        for (Map<String, String> p : points) {
            configs.add(EngineConfigFile.withOverrides(base, p));
        }
        return configs;
    }

    /** Runs every point over {@code events} (in seq order) and returns the results in point order. */
    public List<PointResult> run(List<Map<String, String>> points, List<? extends MarketEvent> events) {
        List<EngineConfig> configs = configs(points);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, points.size())));
        try {
            List<Future<PerformanceStats>> futures = new ArrayList<>();
            for (EngineConfig c : configs) {
                futures.add(pool.submit(() -> statsOf(ReferenceRun.run(universe, c, events))));
            }
            List<PointResult> results = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                results.add(new PointResult(points.get(i), EngineConfigFile.sha256(configs.get(i)), futures.get(i).get()));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PerformanceStats statsOf(EngineResult result) {
        PerformanceStats s = result.stats().get(book);
        if (s == null) {
            throw new IllegalArgumentException("book " + book + " did not run (books: " + result.stats().keySet()
                    + "); is its strategy in strategies.enabled?");
        }
        return s;
    }
}
