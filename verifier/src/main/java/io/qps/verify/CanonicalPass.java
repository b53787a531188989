package io.qps.verify;

import io.qps.core.engine.CanonicalDiff;
import io.qps.core.engine.CanonicalDigest;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.OutputTopic;
import io.qps.core.strategy.StrategyId;
import io.qps.verify.canonical.KeyedLine;
import io.qps.verify.canonical.MergedLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads several runs' canonical forms side by side, topic by topic, line by line, in one pass: each run's digests
 * (whole form, per topic, per strategy) and, for each compared pair, whether each topic matches and the first
 * divergent line of each topic that does not. Nothing is held but the current line of each run.
 */
final class CanonicalPass {
    /** Two runs compared: indexes into the runs, the expected one first. */
    record Pair(int expected, int actual) {
    }

    /** What the pass found for one pair. */
    record PairResult(Map<OutputTopic, Divergence> divergences, Map<OutputTopic, String> books) {
    }

    final List<CanonicalDigest> digests = new ArrayList<>();
    final List<Map<StrategyId, CanonicalDigest>> strategyDigests = new ArrayList<>();
    final List<PairResult> pairs = new ArrayList<>();

    private CanonicalPass() {
    }

    /** Reads every topic of {@code runs} once and compares the {@code compared} pairs. */
    static CanonicalPass run(List<SpilledRun> runs, List<Pair> compared) {
        CanonicalPass pass = new CanonicalPass();
        for (int i = 0; i < runs.size(); i++) {
            pass.digests.add(new CanonicalDigest(true));
            Map<StrategyId, CanonicalDigest> perStrategy = new EnumMap<>(StrategyId.class);
            for (StrategyId s : StrategyId.values()) {
                perStrategy.put(s, new CanonicalDigest(false));
            }
            pass.strategyDigests.add(perStrategy);
        }
        for (int p = 0; p < compared.size(); p++) {
            pass.pairs.add(new PairResult(new EnumMap<>(OutputTopic.class), new EnumMap<>(OutputTopic.class)));
        }
        for (OutputTopic topic : OutputTopic.values()) {
            pass.topic(topic, runs, compared);
        }
        pass.digests.forEach(CanonicalDigest::finish);
        pass.strategyDigests.forEach(m -> m.values().forEach(CanonicalDigest::finish));
        return pass;
    }

    private void topic(OutputTopic topic, List<SpilledRun> runs, List<Pair> compared) {
        int n = runs.size();
        for (int i = 0; i < n; i++) {
            digests.get(i).topic(topic);
            strategyDigests.get(i).values().forEach(d -> d.topic(topic));
        }
        List<MergedLines> readers = new ArrayList<>(n);
        try {
            for (SpilledRun r : runs) {
                readers.add(r.topics.lines(topic));
            }
            KeyedLine[] current = new KeyedLine[n];
            for (int index = 0; ; index++) {
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    KeyedLine line = readers.get(i).nextOrNull();
                    current[i] = line;
                    if (line != null) {
                        any = true;
                        digests.get(i).line(line.line());
                        if (line.book() < Books.TOTAL) {
                            strategyDigests.get(i).get(Books.STRATEGIES[line.book()]).line(line.line());
                        }
                    }
                }
                if (!any) {
                    return;
                }
                for (int p = 0; p < compared.size(); p++) {
                    compare(topic, index, current[compared.get(p).expected()], current[compared.get(p).actual()],
                            pairs.get(p));
                }
            }
        } finally {
            readers.forEach(MergedLines::close);
        }
    }

    private static void compare(OutputTopic topic, int index, KeyedLine expected, KeyedLine actual, PairResult into) {
        if (into.divergences().containsKey(topic) || (expected == null && actual == null)) {
            return;
        }
        if (expected != null && actual != null && Arrays.equals(expected.line(), actual.line())) {
            return;
        }
        into.divergences().put(topic, CanonicalDiff.at(topic, index, expected == null ? null : expected.text(),
                actual == null ? null : actual.text()));
        KeyedLine first = expected == null ? actual
                : actual == null || expected.compareTo(actual) <= 0 ? expected : actual;
        into.books().put(topic, Books.code(first.book()));
    }
}
