package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.CanonicalDiff;
import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.execution.OrderEvent;
import io.qps.core.strategy.StrategyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier sorts runs on disk in chunks and compares them as streams: its digests, divergences and documents
 * are those of the in-memory canonical form whatever the chunk size, and it leaves no file behind.
 */
class StreamingVerificationTest {
    private static ReferenceFixture fixture;
    private static CanonicalForm form;
    private static String passDocuments;

    @TempDir
    Path tmp;

    @BeforeAll
    static void run() {
        fixture = ReferenceFixture.of(42, 1, 0.05);
        form = fixture.reference.canonical();
        for (OutputTopic t : OutputTopic.values()) {
            assertThat(form.lines(t).size()).as("chunks of 97 are smaller than every topic").isGreaterThan(97);
        }
        assertThat(form.lines(OutputTopic.ORDERS).size()).as("chunks of 1000 are smaller than a topic")
                .isGreaterThan(1_000);
        Verification v = fixture.verify(fixture.copy("live"), fixture.copy("replay-1"));
        passDocuments = documents(v);
    }

    @ParameterizedTest(name = "chunks of {0} lines")
    @ValueSource(ints = {97, 1_000, 1_000_000})
    void digestsEqualTheInMemoryCanonicalForm(int chunk) throws IOException {
        Verification v = fixture.verify(fixture.copy("live"), fixture.copy("replay-1"), new SpillSettings(tmp, chunk));
        for (RunSummary r : List.of(v.live(), v.replay(), v.reference())) {
            assertThat(r.canonical().digest()).as(r.run()).isEqualTo(form.digest());
            for (OutputTopic t : OutputTopic.values()) {
                assertThat(r.canonical().digest(t)).as(t.suffix()).isEqualTo(form.digest(t));
                assertThat(r.canonical().records(t)).as(t.suffix()).isEqualTo(form.lines(t).size());
            }
            for (StrategyId s : StrategyId.values()) {
                assertThat(r.only(s).canonical().digest()).as(s.code())
                        .isEqualTo(fixture.copy("x").only(s).canonical().digest());
            }
        }
        assertThat(v.passed()).isTrue();
        assertThat(documents(v)).isEqualTo(passDocuments);
        assertThat(files()).as("spill files deleted").isEmpty();
    }

    @ParameterizedTest(name = "chunks of {0} lines")
    @ValueSource(ints = {97, 1_000})
    void plantedDivergencesAreFoundWhereTheInMemoryDiffFindsThem(int chunk) throws IOException {
        RunResults changed = fixture.withChangedFill("replay-1", StrategyId.ALPHA_2_BREAKOUT);
        RunResults live = missingAndExtra();
        Verification v = fixture.verify(live, changed, new SpillSettings(tmp, chunk));
        assertThat(v.liveVsReplay().divergences())
                .containsExactlyElementsOf(CanonicalDiff.all(live.canonical(), changed.canonical()));
        assertThat(v.liveVsReference().divergences())
                .containsExactlyElementsOf(CanonicalDiff.all(form, live.canonical()));
        assertThat(v.replayVsReference().divergences())
                .containsExactlyElementsOf(CanonicalDiff.all(form, changed.canonical()));
        assertThat(v.replayVsReference().divergences()).singleElement().satisfies(d -> {
            assertThat(d.topic()).isEqualTo(OutputTopic.FILLS);
            assertThat(d.differingFields()).singleElement().asString().startsWith("quantity: ");
            assertThat(v.replayVsReference().strategyOf(d)).isEqualTo("alpha_2_breakout");
            assertThat(v.replay().causedBy(d.seq()).get(OutputTopic.FILLS)).contains(d.actualLine());
            assertThat(v.reference().causedBy(d.seq()).get(OutputTopic.FILLS)).contains(d.expectedLine());
        });
        assertThat(documents(v)).isEqualTo(documents(fixture.verify(live, changed, new SpillSettings(tmp, 1_000_000))));
        assertThat(files()).isEmpty();
    }

    @Test
    void aRecordMissingFromTheExpectedRunIsTheOneNamed() {
        RunResults all = fixture.copy("replay-1");
        List<OutputRecord> orders = all.records().get(OutputTopic.ORDERS);
        int k = 1;
        while (RunResults.strategyOf(orders.get(k)).equals(RunResults.strategyOf(orders.get(k + 1)))) {
            k++;
        }
        OrderEvent dropped = (OrderEvent) orders.get(k);
        Map<OutputTopic, List<OutputRecord>> records = new EnumMap<>(all.records());
        List<OutputRecord> fewer = new ArrayList<>(orders);
        fewer.remove(k);
        records.put(OutputTopic.ORDERS, fewer);
        Verification v = fixture.verify(RunResults.of("live", records), all, new SpillSettings(tmp, 97));
        Divergence d = v.liveVsReplay().divergences().get(0);
        assertThat(d.index()).isEqualTo(k);
        assertThat(d.expectedLine()).as("the live run's next order").isEqualTo(orders.get(k + 1).canonical());
        assertThat(d.line()).isEqualTo(dropped.canonical());
        assertThat(d.seq()).isEqualTo(dropped.causeSeq());
        assertThat(v.liveVsReplay().strategyOf(d)).isEqualTo(dropped.strategy().code());
        assertThat(d.describe()).contains("causal key " + dropped.key().canonical() + " ");
    }

    @Test
    void aFailingSourceLeavesNoFileBehind() throws IOException {
        RunSource broken = RunSource.of("live", sink -> {
            RunSource.of(fixture.copy("live")).forEach(sink);
            throw new VerifyException("broker went away");
        });
        assertThatThrownBy(() -> Verification.of("s1", ReferenceFixture.PROVENANCE, RunSource.of(fixture.copy("r")),
                broken, RunSource.of(fixture.copy("reference")), fixture.universe,
                EngineConfig.defaults(), InputEvents.of(fixture.events), new SpillSettings(tmp, 500)))
                .isInstanceOf(VerifyException.class).hasMessage("broker went away");
        assertThat(files()).isEmpty();
    }

    /** The reference outputs with an order dropped (missing), an order added (extra) and the last position gone. */
    private static RunResults missingAndExtra() {
        Map<OutputTopic, List<OutputRecord>> records = new EnumMap<>(OutputTopic.class);
        fixture.reference.outputs().byTopic().forEach((t, list) -> records.put(t, new ArrayList<>(list)));
        List<OutputRecord> orders = records.get(OutputTopic.ORDERS);
        orders.remove(orders.size() / 2);
        OrderEvent o = (OrderEvent) orders.get(3);
        orders.add(new OrderEvent(o.causeSeq(), o.strategy(), o.symbol(), o.sub() + 50, o.action(), o.orderId(),
                o.side(), o.quantity(), o.type(), o.limitPrice(), o.activeFromMicros()));
        List<OutputRecord> positions = records.get(OutputTopic.POSITIONS);
        positions.remove(positions.size() - 1);
        return RunResults.of("live", records);
    }

    private static String documents(Verification v) {
        return ResultsDocuments.text(ResultsDocuments.summary(v)) + "\n"
                + ResultsDocuments.text(ResultsDocuments.detailed(v)) + "\n"
                + ResultsDocuments.compact(ResultsDocuments.summary(v));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(p -> !p.equals(tmp)).toList();
        }
    }
}
