package io.qps.verify;

import io.qps.core.engine.CanonicalDigest;
import io.qps.core.engine.OutputTopic;
import io.qps.core.execution.FillEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the verifier keeps of a run once it has been compared: the digests and record counts of its canonical form,
 * its fills, per-book order and rejection counts, each book's last equity-curve sample and the lines behind the
 * divergences it reports, but not the run itself. {@link #only} gives one strategy's part, as the per-strategy
 * verdicts and figures need.
 */
public final class RunSummary {
    private final String run;
    private final CanonicalDigest canonical;
    private final List<FillEvent> fills;
    private final long orders;
    private final long rejects;
    private final Map<String, PnlSnapshot> lastSamples;
    private final Map<StrategyId, RunSummary> strategies;
    private final Map<Long, Map<OutputTopic, List<String>>> chains;

    private RunSummary(String run, CanonicalDigest canonical, List<FillEvent> fills, long orders, long rejects,
                       Map<String, PnlSnapshot> lastSamples, Map<StrategyId, RunSummary> strategies,
                       Map<Long, Map<OutputTopic, List<String>>> chains) {
        this.run = run;
        this.canonical = canonical;
        this.fills = fills;
        this.orders = orders;
        this.rejects = rejects;
        this.lastSamples = lastSamples;
        this.strategies = strategies;
        this.chains = chains;
    }

    /** The summary of a drained and compared run. */
    static RunSummary of(SpilledRun r, CanonicalDigest canonical, Map<StrategyId, CanonicalDigest> perStrategy,
                         Map<Long, Map<OutputTopic, List<String>>> chains) {
        Map<StrategyId, RunSummary> strategies = new EnumMap<>(StrategyId.class);
        long orders = 0;
        long rejects = 0;
        for (StrategyId s : StrategyId.values()) {
            List<FillEvent> own = new ArrayList<>();
            for (FillEvent f : r.fills) {
                if (f.strategy() == s) {
                    own.add(f);
                }
            }
            Map<String, PnlSnapshot> last = new LinkedHashMap<>();
            PnlSnapshot sample = r.lastSamples.get(s.code());
            if (sample != null) {
                last.put(s.code(), sample);
            }
            int i = s.ordinal();
            strategies.put(s, new RunSummary(r.run, perStrategy.get(s), List.copyOf(own), r.orders[i], r.rejects[i],
                    Map.copyOf(last), Map.of(), null));
            orders += r.orders[i];
            rejects += r.rejects[i];
        }
        return new RunSummary(r.run, canonical, List.copyOf(r.fills), orders, rejects,
                Collections.unmodifiableMap(r.lastSamples), strategies, chains);
    }

    /** The run id. */
    public String run() {
        return run;
    }

    /**
     * The digests and per-topic record counts of the run's canonical form (for one strategy's part: the whole
     * digest and the counts only).
     */
    public CanonicalDigest canonical() {
        return canonical;
    }

    /** The run's fills, in causal-key order. */
    public List<FillEvent> fills() {
        return fills;
    }

    /** The number of order events (placements and cancellations). */
    public long orders() {
        return orders;
    }

    /** The number of rejections. */
    public long rejects() {
        return rejects;
    }

    /**
     * The last equity-curve sample of every book (strategies in {@link StrategyId} order, then
     * {@link PnlSnapshot#TOTAL}); a book with no sample is absent.
     */
    public Map<String, PnlSnapshot> lastSamples() {
        return lastSamples;
    }

    /** One strategy's orders, fills, rejections, positions and PnL book. */
    public RunSummary only(StrategyId strategy) {
        RunSummary s = strategies.get(strategy);
        if (s == null) {
            throw new IllegalStateException("run " + run + " is already one strategy's part");
        }
        return s;
    }

    /**
     * Every line of this run whose causal key has input seq {@code seq}, per topic; kept for the seqs of the
     * divergences the verification reports.
     */
    public Map<OutputTopic, List<String>> causedBy(long seq) {
        Map<OutputTopic, List<String>> lines = chains == null ? null : chains.get(seq);
        if (lines == null) {
            throw new IllegalArgumentException("run " + run + " kept no lines for seq " + seq
                    + ": only the seqs of reported divergences are kept");
        }
        return lines;
    }
}
