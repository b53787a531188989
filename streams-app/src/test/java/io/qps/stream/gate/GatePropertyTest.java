package io.qps.stream.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CausalKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random scenarios: 1 to 6 sources, 100 to 400 arrivals each, random interleavings. The gate's
 * output must equal the sorted records at or below the final frontier, for any interleaving, with a
 * byte-keyed buffer, and across a save/restore at any point.
 */
class GatePropertyTest {
    private static final String[] NAMES = {"ES", "NQ", "CL", "alpha_1_pairs", "alpha_4_multi_asset/ES", "é"};

    static long[] seeds() {
        long[] seeds = new long[500];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = 1_000L + i;
        }
        return seeds;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void outputIsTheSortedRecordsBelowTheFinalFrontierWhateverTheInterleaving(long seed) {
        Scenario s = Scenario.generate(seed);
        List<Arrival> first = s.interleave(new SplittableRandom(seed * 31 + 1));
        List<Arrival> second = s.interleave(new SplittableRandom(seed * 31 + 2));
        List<GateRecord> expected = Arrival.expected(first, s.finalFrontier());

        TreeMapGateBuffer buffer = new TreeMapGateBuffer();
        CausalGate gate = CausalGate.create(s.sources(), buffer);
        assertThat(feedCheckingBatches(gate, first)).containsExactlyElementsOf(expected);
        assertThat(gate.frontier()).isEqualTo(s.finalFrontier());
        assertThat(buffer.all()).extracting(r -> r.key().seq()).allMatch(seq -> seq > s.finalFrontier());
        assertThat(buffer.all().size() + expected.size()).isEqualTo(s.recordCount());

        assertThat(Arrival.feed(CausalGate.create(s.sources(), new EncodedGateBuffer()), second))
                .containsExactlyElementsOf(expected);

        assertBrokenInvariantsThrow(gate, buffer, s);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aGateRestoredMidStreamReleasesExactlyWhatAnUninterruptedOneDoes(long seed) {
        Scenario s = Scenario.generate(seed);
        List<Arrival> arrivals = s.interleave(new SplittableRandom(seed * 17 + 5));
        List<GateRecord> uninterrupted = Arrival.feed(CausalGate.create(s.sources(), new EncodedGateBuffer()),
                arrivals);
        int cut = new SplittableRandom(seed).nextInt(arrivals.size() + 1);

        EncodedGateBuffer before = new EncodedGateBuffer();
        CausalGate gate = CausalGate.create(s.sources(), before);
        List<GateRecord> out = new ArrayList<>(Arrival.feed(gate, arrivals.subList(0, cut)));
        CausalGate restored = CausalGate.restore(gate.writeProgress(), EncodedGateBuffer.fromRaw(before.raw()));
        out.addAll(Arrival.feed(restored, arrivals.subList(cut, arrivals.size())));

        assertThat(out).containsExactlyElementsOf(uninterrupted);
        assertThat(uninterrupted).containsExactlyElementsOf(Arrival.expected(arrivals, s.finalFrontier()));
    }

    /** Like {@link Arrival#feed}, asserting each batch is sorted and lies between the old and new frontier. */
    private static List<GateRecord> feedCheckingBatches(CausalGate gate, List<Arrival> arrivals) {
        List<GateRecord> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            long before = gate.frontier();
            List<GateRecord> batch = Arrival.feed(gate, List.of(a));
            assertThat(batch).extracting(GateRecord::key).isSorted()
                    .allMatch(k -> k.seq() > before && k.seq() <= gate.frontier());
            out.addAll(batch);
        }
        return out;
    }

    private static void assertBrokenInvariantsThrow(CausalGate gate, GateBuffer buffer, Scenario s) {
        int lagging = 0;
        for (int i = 0; i < s.sources(); i++) {
            if (gate.passed(i) == gate.frontier()) {
                lagging = i;
            }
        }
        int from = lagging;
        if (gate.frontier() >= 0) {
            assertThatThrownBy(() -> gate.offer(from, new CausalKey(gate.frontier(), "late", 0), new byte[0]))
                    .isInstanceOf(GateInvariantException.class).hasMessageStartingWith("late record");
        }
        if (!buffer.all().isEmpty()) {
            CausalKey held = buffer.all().get(0).key();
            assertThatThrownBy(() -> gate.offer(from, held, new byte[0]))
                    .isInstanceOf(GateInvariantException.class).hasMessageStartingWith("duplicate causal key");
        }
    }

    /** Per-source delivery lists obeying the sources' contract. */
    record Scenario(int sources, List<List<Arrival>> streams, long finalFrontier, int recordCount) {

        static Scenario generate(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(6);
            int perSource = (100 + random.nextInt(301)) / n;
            Map<String, Integer> subs = new HashMap<>();
            List<List<Arrival>> streams = new ArrayList<>();
            long frontier = Long.MAX_VALUE;
            int records = 0;
            for (int src = 0; src < n; src++) {
                List<Arrival> stream = new ArrayList<>();
                long cursor = 0;
                long lastMark = GateProgress.NONE;
                for (int k = 0; k < perSource; k++) {
                    if (random.nextInt(10) < 7) {
                        long seq = cursor + random.nextInt(3);
                        cursor = seq;
                        String name = NAMES[random.nextInt(NAMES.length)];
                        int sub = subs.merge(seq + "|" + name, 1, Integer::sum) - 1;
                        stream.add(Arrival.rec(src, seq, name, sub));
                        records++;
                    } else {
                        long mark = random.nextLong(cursor - 1, cursor + 3);
                        lastMark = Math.max(lastMark, mark);
                        cursor = Math.max(cursor, lastMark + 1);
                        stream.add(Arrival.mark(src, lastMark));
                    }
                }
                if (random.nextBoolean()) {
                    lastMark = cursor + random.nextInt(3);
                    stream.add(Arrival.mark(src, lastMark));
                }
                frontier = Math.min(frontier, lastMark);
                streams.add(stream);
            }
            return new Scenario(n, streams, frontier, records);
        }

        /** A random interleaving keeping every source's own order. */
        List<Arrival> interleave(SplittableRandom random) {
            int[] next = new int[sources];
            int remaining = streams.stream().mapToInt(List::size).sum();
            List<Arrival> out = new ArrayList<>(remaining);
            while (remaining > 0) {
                int pick = random.nextInt(remaining);
                int src = 0;
                while (pick >= streams.get(src).size() - next[src]) {
                    pick -= streams.get(src).size() - next[src];
                    src++;
                }
                out.add(streams.get(src).get(next[src]++));
                remaining--;
            }
            return out;
        }
    }
}
