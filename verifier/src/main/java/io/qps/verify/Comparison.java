package io.qps.verify;

import io.qps.core.engine.Divergence;
import io.qps.core.engine.OutputTopic;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs compared in canonical form: whole outputs, per topic, per strategy, and the first divergent record of
 * every topic that differs.
 *
 * @param expected the run taken as expected (the earlier run, or the reference)
 * @param actual the run compared with it
 * @param match whether every topic's canonical lines are identical
 * @param topics per topic, whether its canonical lines are identical
 * @param strategies per strategy, whether its orders, fills, rejections, positions and PnL book are identical
 * @param divergences the first divergence of each differing topic, in {@link OutputTopic} order
 * @param books per differing topic, the strategy (or PnL book) of its divergent record ({@link Divergence#line})
 */
public record Comparison(String expected, String actual, boolean match, Map<OutputTopic, Boolean> topics,
                         Map<StrategyId, Boolean> strategies, List<Divergence> divergences,
                         Map<OutputTopic, String> books) {

    /**
     * The comparison of {@code actual} with {@code expected} from what one canonical pass found: the first
     * divergence per differing topic (with its record's book) and each run's per-strategy digests.
     */
    static Comparison of(RunSummary expected, RunSummary actual, CanonicalPass.PairResult found) {
        Map<OutputTopic, Boolean> topics = new EnumMap<>(OutputTopic.class);
        List<Divergence> divergences = new ArrayList<>();
        for (OutputTopic t : OutputTopic.values()) {
            Divergence d = found.divergences().get(t);
            topics.put(t, d == null);
            if (d != null) {
                divergences.add(d);
            }
        }
        Map<StrategyId, Boolean> strategies = new EnumMap<>(StrategyId.class);
        for (StrategyId s : StrategyId.values()) {
            strategies.put(s, expected.only(s).canonical().digest().equals(actual.only(s).canonical().digest()));
        }
        return new Comparison(expected.run(), actual.run(), divergences.isEmpty(), Map.copyOf(topics),
                Map.copyOf(strategies), List.copyOf(divergences), Map.copyOf(found.books()));
    }

    /** {@code PASS} or {@code FAIL}. */
    public static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    /** The strategy (or PnL book) of a divergence's record, the one {@link Divergence#line} names. */
    public String strategyOf(Divergence d) {
        String book = books.get(d.topic());
        if (book == null) {
            throw new IllegalArgumentException("no divergence in topic " + d.topic().suffix() + " of " + expected
                    + " vs " + actual);
        }
        return book;
    }
}
