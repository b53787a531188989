package io.qps.verify.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CausalKey;
import io.qps.core.engine.OutputTopic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The external sort gives each topic's lines in causal-key order whatever the chunk size and fan-in. */
class ExternalSortTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "chunk {0}, fan-in {1}")
    @CsvSource({"1, 2", "3, 3", "50, 4", "50, 64", "10000, 64"})
    void topicsComeBackInCausalKeyOrder(int chunk, int fanIn) throws IOException {
        Map<OutputTopic, List<KeyedLine>> expected = lines(600, 7);
        List<Map.Entry<OutputTopic, KeyedLine>> shuffled = new ArrayList<>();
        expected.forEach((t, list) -> list.forEach(l -> shuffled.add(Map.entry(t, l))));
        SplittableRandom random = new SplittableRandom(11);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        SortedTopics sorted;
        try (ExternalSort sort = new ExternalSort(dir, "run", chunk, fanIn)) {
            shuffled.forEach(e -> sort.add(e.getKey(), e.getValue()));
            sorted = sort.finish();
        }
        for (OutputTopic t : OutputTopic.values()) {
            List<KeyedLine> want = new ArrayList<>(expected.get(t));
            Collections.sort(want);
            for (int pass = 0; pass < 2; pass++) {
                List<String> got = new ArrayList<>();
                try (MergedLines lines = sorted.lines(t)) {
                    lines.forEachRemaining(l -> got.add(l.text()));
                }
                assertThat(got).as(t.suffix()).containsExactlyElementsOf(want.stream().map(KeyedLine::text).toList());
            }
        }
        assertThat(sorted.files().size()).isLessThanOrEqualTo(4 * fanIn);
        sorted.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void twoLinesWithOneKeyAreABrokenInvariant() {
        try (ExternalSort sort = new ExternalSort(dir, "run", 2)) {
            sort.add(OutputTopic.FILLS, line(5, "BTC-USD", 0, "a"));
            sort.add(OutputTopic.FILLS, line(4, "BTC-USD", 0, "b"));
            sort.add(OutputTopic.FILLS, line(5, "BTC-USD", 0, "c"));
            try (SortedTopics sorted = sort.finish(); MergedLines lines = sorted.lines(OutputTopic.FILLS)) {
                lines.next();
                lines.next();
                assertThatThrownBy(lines::next).isInstanceOf(IllegalStateException.class)
                        .hasMessage("fills: two records with causal key 5|BTC-USD|0");
            }
        }
    }

    @Test
    void anUnfinishedSortDeletesItsFiles() throws IOException {
        try (ExternalSort sort = new ExternalSort(dir, "run", 1)) {
            sort.add(OutputTopic.ORDERS, line(1, "a", 0, "x"));
            sort.add(OutputTopic.PNL, line(1, "a", 0, "y"));
            assertThat(files()).hasSize(2);
        }
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Distinct keys with repeated seqs, sources that sort differently as text and as numbers, several subs. */
    private static Map<OutputTopic, List<KeyedLine>> lines(int perTopic, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] sources = {"alpha_1_pairs", "alpha_1_pairs/ES", "BTC-USD", "ES", "TOTAL", "alpha_10", "alpha_2"};
        Map<OutputTopic, List<KeyedLine>> out = new EnumMap<>(OutputTopic.class);
        for (OutputTopic t : OutputTopic.values()) {
            Set<CausalKey> keys = new HashSet<>();
            List<KeyedLine> list = new ArrayList<>();
            while (list.size() < perTopic) {
                CausalKey k = new CausalKey(random.nextLong(1, perTopic / 3), sources[random.nextInt(sources.length)],
                        random.nextInt(3));
                if (keys.add(k)) {
                    list.add(line(k.seq(), k.source(), k.sub(), t.suffix() + "|" + random.nextLong()));
                }
            }
            out.put(t, list);
        }
        return out;
    }

    private static KeyedLine line(long seq, String source, int sub, String rest) {
        CausalKey k = new CausalKey(seq, source, sub);
        return new KeyedLine(k, sub, (k.canonical() + "|" + rest).getBytes(StandardCharsets.UTF_8));
    }
}
