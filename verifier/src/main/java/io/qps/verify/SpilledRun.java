package io.qps.verify;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.stats.PerformanceCalculator;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.strategy.StrategyId;
import io.qps.verify.canonical.ExternalSort;
import io.qps.verify.canonical.KeyedLine;
import io.qps.verify.canonical.MergedLines;
import io.qps.verify.canonical.SortedTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * One run drained from its {@link RunSource}: its canonical lines sorted on disk, and in memory only what the
 * documents need besides them: the fills (few), per-book counts of orders, fills and rejections, each book's last
 * equity-curve sample and the run's statistics. Positions and the equity curve are held only while the statistics
 * are computed; orders never are.
 */
final class SpilledRun implements AutoCloseable {
    final String run;
    final SortedTopics topics;
    final List<FillEvent> fills;
    final long[] orders;
    final long[] rejects;
    final Map<String, PnlSnapshot> lastSamples;
    final Map<String, PerformanceStats> stats;

    private SpilledRun(String run, SortedTopics topics, List<FillEvent> fills, long[] orders, long[] rejects,
                       Map<String, PnlSnapshot> lastSamples, Map<String, PerformanceStats> stats) {
        this.run = run;
        this.topics = topics;
        this.fills = fills;
        this.orders = orders;
        this.rejects = rejects;
        this.lastSamples = lastSamples;
        this.stats = stats;
    }

    /**
     * Drains {@code source}, spilling sorted chunks of {@code chunkLines} lines into {@code dir} under file-name
     * prefix {@code name}, and computes the run's statistics.
     */
    static SpilledRun drain(RunSource source, Path dir, String name, int chunkLines, PerformanceCalculator calculator,
                            List<StrategyId> strategies) {
        List<FillEvent> fills = new ArrayList<>();
        List<PositionRecord> positions = new ArrayList<>();
        List<PnlSnapshot> pnl = new ArrayList<>();
        long[] orders = new long[Books.COUNT];
        long[] rejects = new long[Books.COUNT];
        SortedTopics topics;
        try (ExternalSort sort = new ExternalSort(dir, name, chunkLines)) {
            source.forEach((topic, r) -> {
                int book = Books.of(r);
                sort.add(topic, new KeyedLine(r.key(), book, r.canonical().getBytes(StandardCharsets.UTF_8)));
                if (r instanceof OrderEvent) {
                    orders[book]++;
                } else if (r instanceof FillEvent f) {
                    fills.add(f);
                } else if (r instanceof RejectEvent) {
                    rejects[book]++;
                } else if (r instanceof PositionRecord p) {
                    positions.add(p);
                } else if (r instanceof PnlSnapshot s) {
                    pnl.add(s);
                }
            });
            topics = sort.finish();
        }
        List<FillEvent> sortedFills = causalOrder(fills);
        List<PnlSnapshot> curve = causalOrder(pnl);
        Map<String, PerformanceStats> stats = calculator.compute(strategies, sortedFills, causalOrder(positions),
                curve);
        return new SpilledRun(source.run(), topics, sortedFills, orders, rejects, RunResults.lastSamples(curve),
                stats);
    }

    /** {@code records} sorted by causal key (keys built once, not at every comparison). */
    static <T extends OutputRecord> List<T> causalOrder(List<T> records) {
        record Keyed<T>(CausalKey key, T record) {
        }
        List<Keyed<T>> keyed = new ArrayList<>(records.size());
        for (T r : records) {
            keyed.add(new Keyed<>(r.key(), r));
        }
        keyed.sort(Comparator.comparing(Keyed::key));
        List<T> sorted = new ArrayList<>(keyed.size());
        keyed.forEach(k -> sorted.add(k.record()));
        return sorted;
    }

    /**
     * Every line of this run whose causal key has an input seq in {@code seqs}, per seq and topic (all topics, in
     * causal-key order): one scan of the sorted files, each topic read up to the largest seq asked for.
     */
    Map<Long, Map<OutputTopic, List<String>>> causedBy(SortedSet<Long> seqs) {
        Map<Long, Map<OutputTopic, List<String>>> out = new TreeMap<>();
        for (long seq : seqs) {
            Map<OutputTopic, List<String>> perTopic = new EnumMap<>(OutputTopic.class);
            for (OutputTopic t : OutputTopic.values()) {
                perTopic.put(t, new ArrayList<>());
            }
            out.put(seq, perTopic);
        }
        if (seqs.isEmpty()) {
            return out;
        }
        long last = seqs.last();
        for (OutputTopic t : OutputTopic.values()) {
            try (MergedLines lines = topics.lines(t)) {
                while (lines.hasNext()) {
                    KeyedLine line = lines.next();
                    long seq = line.key().seq();
                    if (seq > last) {
                        break;
                    }
                    if (seqs.contains(seq)) {
                        out.get(seq).get(t).add(line.text());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        topics.close();
    }
}
