package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.engine.CanonicalDigest;
import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.CausalKey;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.runner.RunOutputReader;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.stream.topology.RunTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "Nothing lost, nothing duplicated" per output topic: a run's committed records ({@code read_committed}) counted,
 * their causal keys counted (a duplicate shares one), and the SHA-256 of their canonical lines, each equal to the
 * reference engine's. Duplicates are counted here rather than left to {@link CanonicalForm#of}, which refuses them
 * with an exception, so that a failure says how many records each topic lost or gained.
 */
public final class OutputCheck {
    private OutputCheck() {
    }

    /**
     * One topic's figures.
     *
     * @param records committed records
     * @param keys distinct causal keys among them ({@code records - keys} are duplicates)
     * @param digest SHA-256 of the records' canonical lines in causal-key order (duplicates included)
     */
    public record Figures(long records, long keys, String digest) {
        @Override
        public String toString() {
            return records + " records, " + (records - keys) + " duplicated, digest " + digest;
        }
    }

    /** The output topics of run {@code run} of {@code session}. */
    public static RunTopics topics(SessionId session, String run) {
        return new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                TopicNames.positions(session, run), TopicNames.pnl(session, run));
    }

    /** Figures of records read from a run's topics, per topic. */
    public static Map<OutputTopic, Figures> of(Map<OutputTopic, List<OutputRecord>> records) {
        Map<OutputTopic, Figures> figures = new EnumMap<>(OutputTopic.class);
        CanonicalDigest digest = new CanonicalDigest(true);
        for (OutputTopic t : OutputTopic.values()) {
            List<OutputRecord> sorted = new ArrayList<>(records.getOrDefault(t, List.of()));
            sorted.sort(Comparator.comparing(OutputRecord::key));
            digest.topic(t);
            TreeSet<CausalKey> keys = new TreeSet<>();
            for (OutputRecord r : sorted) {
                digest.line(r.canonical());
                keys.add(r.key());
            }
            figures.put(t, new Figures(sorted.size(), keys.size(), null));
        }
        digest.finish();
        figures.replaceAll((t, f) -> new Figures(f.records(), f.keys(), digest.digest(t)));
        return figures;
    }

    /** The reference engine's figures, per topic. */
    public static Map<OutputTopic, Figures> of(EngineResult reference) {
        Map<OutputTopic, Figures> figures = new EnumMap<>(OutputTopic.class);
        CanonicalForm form = reference.canonical();
        for (OutputTopic t : OutputTopic.values()) {
            long n = form.lines(t).size();
            figures.put(t, new Figures(n, n, form.digest(t)));
        }
        return figures;
    }

    /**
     * Reads run {@code run} of {@code session} and asserts, per topic, its committed record count, its distinct
     * causal keys and its digest equal the reference engine's, then that its whole canonical form does.
     *
     * @return the run's canonical form
     */
    public static CanonicalForm assertSameAsReference(Map<String, Object> kafka, SchemaRegistryClient registry,
                                                      SessionId session, String run, EngineResult reference) {
        Map<OutputTopic, List<OutputRecord>> records = new RunOutputReader(kafka, Duration.ofSeconds(30))
                .read(topics(session, run), registry);
        Map<OutputTopic, Figures> actual = of(records);
        Map<OutputTopic, Figures> expected = of(reference);
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(actual.get(t)).as("run %s of %s, topic %s (reference: %s)", run, session, t.suffix(),
                    expected.get(t)).isEqualTo(expected.get(t));
        }
        CanonicalForm form = CanonicalForm.of(records);
        assertThat(form.digest()).as("run %s of %s, whole canonical form", run, session)
                .isEqualTo(reference.canonical().digest());
        return form;
    }
}
