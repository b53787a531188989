package io.qps.verify;

import io.qps.core.engine.CanonicalDiff;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.OutputTopic;
import io.qps.core.strategy.StrategyId;
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
 */
public record Comparison(String expected, String actual, boolean match, Map<OutputTopic, Boolean> topics,
                         Map<StrategyId, Boolean> strategies, List<Divergence> divergences) {

    /** Compares {@code actual} with {@code expected}. */
    public static Comparison of(RunResults expected, RunResults actual) {
        Map<OutputTopic, Boolean> topics = new EnumMap<>(OutputTopic.class);
        for (OutputTopic t : OutputTopic.values()) {
            topics.put(t, expected.canonical().lines(t).equals(actual.canonical().lines(t)));
        }
        Map<StrategyId, Boolean> strategies = new EnumMap<>(StrategyId.class);
        for (StrategyId s : StrategyId.values()) {
            strategies.put(s, expected.only(s).canonical().digest().equals(actual.only(s).canonical().digest()));
        }
        boolean match = !topics.containsValue(false);
        List<Divergence> divergences = match ? List.of() : CanonicalDiff.all(expected.canonical(), actual.canonical());
        return new Comparison(expected.run(), actual.run(), match, Map.copyOf(topics), Map.copyOf(strategies),
                divergences);
    }

    /** {@code PASS} or {@code FAIL}. */
    public static String verdict(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    /**
     * The strategy (or PnL book) of a divergence's record: the record at the divergence's index in whichever run
     * has one there.
     */
    public static String strategyOf(Divergence d, RunResults expected, RunResults actual) {
        RunResults side = d.expectedLine() != null ? expected : actual;
        String line = d.expectedLine() != null ? d.expectedLine() : d.actualLine();
        var records = side.records().get(d.topic());
        if (d.index() < records.size() && records.get(d.index()).canonical().equals(line)) {
            return RunResults.strategyOf(records.get(d.index()));
        }
        for (var r : records) {
            if (r.canonical().equals(line)) {
                return RunResults.strategyOf(r);
            }
        }
        throw new IllegalStateException("divergent line not found in run " + side.run() + ": " + line);
    }
}
