package io.qps.verify;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one run (a live or replay run read back from its topics, or the reference engine) held in memory,
 * each topic's records in causal-key order, and their canonical form: what {@code qps report} and {@code qps export}
 * chart and list. The verifier does not hold runs; it reads them through a {@link RunSource}
 * ({@link RunSource#of(RunResults)} for one in memory).
 *
 * @param run the run id ({@code live}, {@code replay-1}, ..., or {@code reference})
 * @param records per output topic, sorted by causal key
 * @param canonical the canonical form of {@code records}
 */
public record RunResults(String run, Map<OutputTopic, List<OutputRecord>> records, CanonicalForm canonical) {
    private static final Comparator<OutputRecord> CAUSAL = Comparator.comparing(OutputRecord::key);

    /** The results of run {@code run}: {@code byTopic}'s records (any order) sorted by causal key. */
    public static RunResults of(String run, Map<OutputTopic, ? extends Collection<? extends OutputRecord>> byTopic) {
        Map<OutputTopic, List<OutputRecord>> sorted = new EnumMap<>(OutputTopic.class);
        for (OutputTopic t : OutputTopic.values()) {
            List<OutputRecord> list = new ArrayList<>();
            Collection<? extends OutputRecord> given = byTopic.get(t);
            if (given != null) {
                list.addAll(given);
            }
            list.sort(CAUSAL);
            sorted.put(t, List.copyOf(list));
        }
        return new RunResults(run, sorted, CanonicalForm.of(sorted));
    }

    /** The reference engine's results under the run id {@code reference}. */
    public static RunResults reference(EngineResult result) {
        return of("reference", result.outputs().byTopic());
    }

    /** The records of {@code topic} of type {@code type}, in causal-key order. */
    public <T> List<T> of(OutputTopic topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (OutputRecord r : records.get(topic)) {
            if (type.isInstance(r)) {
                out.add(type.cast(r));
            }
        }
        return out;
    }

    public List<OrderEvent> orders() {
        return of(OutputTopic.ORDERS, OrderEvent.class);
    }

    public List<FillEvent> fills() {
        return of(OutputTopic.FILLS, FillEvent.class);
    }

    public List<RejectEvent> rejects() {
        return of(OutputTopic.FILLS, RejectEvent.class);
    }

    public List<PositionRecord> positions() {
        return of(OutputTopic.POSITIONS, PositionRecord.class);
    }

    public List<PnlSnapshot> pnl() {
        return of(OutputTopic.PNL, PnlSnapshot.class);
    }

    /**
     * The last equity-curve sample of every book (strategies in {@link StrategyId} order, then
     * {@link PnlSnapshot#TOTAL}) — the run's PnL as its own outputs state it. A book with no sample is absent.
     */
    public Map<String, PnlSnapshot> lastSamples() {
        return lastSamples(pnl());
    }

    /** The last sample of every book of {@code curve} (in causal-key order), as {@link #lastSamples()} gives them. */
    static Map<String, PnlSnapshot> lastSamples(List<PnlSnapshot> curve) {
        Map<String, PnlSnapshot> last = new LinkedHashMap<>();
        for (StrategyId s : StrategyId.values()) {
            last.put(s.code(), null);
        }
        last.put(PnlSnapshot.TOTAL, null);
        for (PnlSnapshot p : curve) {
            last.put(p.book(), p);
        }
        last.values().removeIf(v -> v == null);
        return last;
    }

    /** This run restricted to one strategy: its orders, fills, rejections, positions and PnL book. */
    public RunResults only(StrategyId strategy) {
        Map<OutputTopic, List<OutputRecord>> kept = new EnumMap<>(OutputTopic.class);
        for (Map.Entry<OutputTopic, List<OutputRecord>> e : records.entrySet()) {
            List<OutputRecord> list = new ArrayList<>();
            for (OutputRecord r : e.getValue()) {
                if (strategyOf(r).equals(strategy.code())) {
                    list.add(r);
                }
            }
            kept.put(e.getKey(), List.copyOf(list));
        }
        return new RunResults(run, kept, CanonicalForm.of(kept));
    }

    /** The strategy code (or PnL book) a record belongs to. */
    static String strategyOf(OutputRecord r) {
        return Books.code(Books.of(r));
    }
}
