package io.qps.verify;

import io.qps.core.engine.Divergence;
import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import io.qps.core.stats.PerformanceCalculator;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.strategy.StrategyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The verdict on a session: its live run against a replay run (the replication check) and both against the
 * reference engine on the same dataset (the oracle).
 *
 * <p>{@link #of} reads each run once from its {@link RunSource}, sorting its canonical lines on disk
 * ({@link SpillSettings}), then reads the three sorted forms side by side once, computing digests and first
 * divergences as it goes; divergences' causal chains come from a second read of the few seqs involved. Its memory
 * is bounded by the sort's chunk size and by what the statistics need (fills, positions and one run's equity curve
 * at a time), not by the length of the runs.
 *
 * @param session the session id
 * @param provenance what the session was made from (its manifest's dataset hash, configuration hash, version)
 * @param live the live run's results
 * @param replay the replay run's results
 * @param reference the reference engine's results
 * @param liveVsReplay live (expected) vs replay
 * @param liveVsReference reference (expected) vs live
 * @param replayVsReference reference (expected) vs replay
 * @param inputEvent the input event of a divergence's seq, as text, for divergence chains
 * @param stats per run id, the performance statistics of every strategy and the TOTAL book
 * @param config the engine configuration the reference ran with and the statistics follow
 * @param quarantined ticks records the live and the replay run set aside as bad input ({@code .dlq} topics)
 */
public record Verification(String session, Provenance provenance, RunSummary live, RunSummary replay,
                           RunSummary reference, Comparison liveVsReplay, Comparison liveVsReference,
                           Comparison replayVsReference, LongFunction<String> inputEvent,
                           Map<String, Map<String, PerformanceStats>> stats, EngineConfig config,
                           Quarantined quarantined) {

    /**
     * The ticks records the live and the replay run quarantined, compared in canonical form ({@link DeadLetters}):
     * source coordinates, reason and bytes, ordered by source partition and offset. Live and replay decide from the
     * same log, so they must set aside the same records: any difference fails the replication verdict. The reference
     * engine reads the session's dataset file, which holds no bad records, so it quarantines nothing and takes no part
     * in this check; bad records contribute nothing to the runs' outputs, which are compared with it as usual.
     *
     * @param live how many records the live run quarantined
     * @param replay how many records the replay run quarantined
     * @param liveDigest the digest of the live run's canonical dead-letter form
     * @param replayDigest the digest of the replay run's
     * @param difference the first record that differs, or null when they are identical
     */
    public record Quarantined(long live, long replay, String liveDigest, String replayDigest,
                              DeadLetters.Difference difference) {
        /** No record quarantined (or runs without a dead-letter topic). */
        public static final Quarantined NONE = new Quarantined(0, 0, DeadLetters.EMPTY_DIGEST,
                DeadLetters.EMPTY_DIGEST, null);

        /** The comparison of the live ({@code expected}) and replay ({@code actual}) runs' dead-letter forms. */
        public static Quarantined of(DeadLetters live, DeadLetters replay) {
            return new Quarantined(live.count(), replay.count(), live.digest(), replay.digest(),
                    DeadLetters.firstDifference(live, replay));
        }

        public boolean match() {
            return difference == null;
        }
    }

    /** This verification with the comparison of the runs' quarantined records. */
    public Verification withQuarantined(Quarantined q) {
        return new Verification(session, provenance, live, replay, reference, liveVsReplay, liveVsReference,
                replayVsReference, inputEvent, stats, config, q);
    }

    private static final List<CanonicalPass.Pair> PAIRS = List.of(new CanonicalPass.Pair(0, 1),
            new CanonicalPass.Pair(2, 0), new CanonicalPass.Pair(2, 1));

    /** {@link #of(String, Provenance, RunSource, RunSource, RunSource, Universe, EngineConfig, InputEvents,
     *  SpillSettings)} with {@link SpillSettings#defaults()}. */
    public static Verification of(String session, Provenance provenance, RunSource live, RunSource replay,
                                  RunSource reference, Universe universe, EngineConfig config, InputEvents inputs) {
        return of(session, provenance, live, replay, reference, universe, config, inputs, SpillSettings.defaults());
    }

    /** Compares the three runs; statistics use {@code config}'s statistics and sampling settings. */
    public static Verification of(String session, Provenance provenance, RunSource live, RunSource replay,
                                  RunSource reference, Universe universe, EngineConfig config, InputEvents inputs,
                                  SpillSettings spill) {
        Objects.requireNonNull(provenance, "provenance");
        List<RunSource> sources = List.of(Objects.requireNonNull(live, "live"),
                Objects.requireNonNull(replay, "replay"), Objects.requireNonNull(reference, "reference"));
        PerformanceCalculator calculator = new PerformanceCalculator(universe, config.stats(),
                config.portfolio().sampleIntervalMicros());
        List<StrategyId> strategies = List.copyOf(config.strategies().enabled());
        Path dir = createTempDirectory(spill.parent());
        List<SpilledRun> runs = new ArrayList<>();
        try {
            for (int i = 0; i < sources.size(); i++) {
                runs.add(SpilledRun.drain(sources.get(i), dir, i + "-" + sources.get(i).run(), spill.chunkLines(),
                        calculator, strategies));
            }
            CanonicalPass pass = CanonicalPass.run(runs, PAIRS);
            List<SortedSet<Long>> seqs = divergenceSeqs(pass, runs.size());
            List<RunSummary> summaries = new ArrayList<>();
            Map<String, Map<String, PerformanceStats>> stats = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                SpilledRun r = runs.get(i);
                summaries.add(RunSummary.of(r, pass.digests.get(i), pass.strategyDigests.get(i),
                        r.causedBy(seqs.get(i))));
                stats.put(r.run, r.stats);
            }
            SortedSet<Long> all = new TreeSet<>();
            seqs.forEach(all::addAll);
            Map<Long, String> events = Map.copyOf(inputs.describe(all));
            List<Comparison> comparisons = new ArrayList<>();
            for (int p = 0; p < PAIRS.size(); p++) {
                comparisons.add(Comparison.of(summaries.get(PAIRS.get(p).expected()),
                        summaries.get(PAIRS.get(p).actual()), pass.pairs.get(p)));
            }
            return new Verification(session, provenance, summaries.get(0), summaries.get(1), summaries.get(2),
                    comparisons.get(0), comparisons.get(1), comparisons.get(2),
                    seq -> events.getOrDefault(seq, "no event " + seq), stats, config, Quarantined.NONE);
        } finally {
            runs.forEach(SpilledRun::close);
            deleteTree(dir);
        }
    }

    /**
     * The replication verdict ({@code pnl_match}): live and replay outputs are byte-identical in canonical form, and
     * they quarantined the same bad ticks records (coordinates, reason and bytes).
     */
    public boolean replicated() {
        return liveVsReplay.match() && quarantined.match();
    }

    /** Everything passes: live = replay = reference. */
    public boolean passed() {
        return replicated() && liveVsReference.match() && replayVsReference.match();
    }

    /** Per run, the seqs of the divergences of the pairs it is in: the seqs whose lines the report shows. */
    private static List<SortedSet<Long>> divergenceSeqs(CanonicalPass pass, int runs) {
        List<SortedSet<Long>> seqs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seqs.add(new TreeSet<>());
        }
        for (int p = 0; p < PAIRS.size(); p++) {
            for (Divergence d : pass.pairs.get(p).divergences().values()) {
                seqs.get(PAIRS.get(p).expected()).add(d.seq());
                seqs.get(PAIRS.get(p).actual()).add(d.seq());
            }
        }
        return seqs;
    }

    private static Path createTempDirectory(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "qps-verify-");
        } catch (IOException e) {
            throw new VerifyException("cannot create a temporary folder in " + parent + " for sorting the runs: "
                    + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the verifier's temporary folder " + dir, e);
        }
    }
}
