package io.qps.producer.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.ProgressMarker.Kind;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.schemas.mapping.MarketEventMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The merge-back check on hand-made topics: records of three instruments spread over two partitions, with progress
 * markers placed as the publisher places them (START, PROGRESS every two events, END).
 */
class TicksCheckTest {
    private static final List<String> SYMBOLS = List.of("BTC-USD", "XOM", "ES");
    private static final long T0 = 1_704_067_200_000_000L;
    /** Dataset: seq 1..6. BTC-USD and ES go to partition 0, XOM to partition 1. */
    private static final List<MarketEvent> DATASET = List.of(
            new BookUpdate(1, T0, 0, new long[] {4_325_017L, 4_325_016L}, new long[] {5, 7},
                    new long[] {4_325_019L}, new long[] {3}),
            new Quote(2, T0 + 1_500, 1, 10_250, 300, 10_251, 200),
            new Trade(3, T0 + 1_500, 2, 475_025, 2, Side.BUY),
            new Trade(4, T0 + 2_000, 1, 10_251, 100, Side.SELL),
            new Quote(5, T0 + 2_999, 1, 10_249, 100, 10_251, 100),
            new BookUpdate(6, T0 + 3_000, 2, new long[] {475_000L}, new long[] {9}, new long[] {475_025L},
                    new long[] {1}));

    private static int partitionOf(MarketEvent e) {
        return e.instrument() == 1 ? 1 : 0;
    }

    /**
     * The records the publisher would write, partition by partition in offset order: START in both partitions, each
     * event in its partition, a PROGRESS round after every second event but the last, END in both.
     */
    private static List<List<TickRecord>> topic(List<MarketEvent> events) {
        return topic(events, 2);
    }

    private static List<List<TickRecord>> topic(List<MarketEvent> events, int progressEvery) {
        List<List<TickRecord>> parts = List.of(new ArrayList<>(), new ArrayList<>());
        round(parts, new ProgressMarker(Kind.START, 0, events.get(0).timestampMicros()));
        for (int i = 0; i < events.size(); i++) {
            MarketEvent e = events.get(i);
            List<TickRecord> part = parts.get(partitionOf(e));
            part.add(record(partitionOf(e), part.size(), e));
            if ((i + 1) % progressEvery == 0 && i + 1 < events.size()) {
                round(parts, new ProgressMarker(Kind.PROGRESS, e.seq(), e.timestampMicros()));
            }
        }
        MarketEvent last = events.get(events.size() - 1);
        round(parts, new ProgressMarker(Kind.END, last.seq(), last.timestampMicros()));
        return parts;
    }

    private static void round(List<List<TickRecord>> parts, ProgressMarker m) {
        for (int p = 0; p < parts.size(); p++) {
            parts.get(p).add(marker(p, parts.get(p).size(), m));
        }
    }

    private static TickRecord marker(int partition, long offset, ProgressMarker m) {
        return new TickRecord(partition, offset, Math.floorDiv(m.timestampMicros(), 1000L), null,
                MarketEventMapping.toAvro(m, partition));
    }

    /** {@code part} with its records renumbered by position (after a test moved, added or removed some). */
    private static List<TickRecord> renumbered(List<TickRecord> part) {
        List<TickRecord> out = new ArrayList<>();
        for (TickRecord r : part) {
            out.add(new TickRecord(r.partition(), out.size(), r.timestampMillis(), r.key(), r.value()));
        }
        return out;
    }

    private static int indexOfSeq(List<TickRecord> part, long seq, boolean marker) {
        for (int i = 0; i < part.size(); i++) {
            if (part.get(i).value().getSeq() == seq && part.get(i).isProgress() == marker) {
                return i;
            }
        }
        throw new AssertionError("no record of seq " + seq);
    }

    private static TickRecord record(int partition, long offset, MarketEvent e) {
        String symbol = SYMBOLS.get(e.instrument());
        return new TickRecord(partition, offset, Math.floorDiv(e.timestampMicros(), 1000L), symbol,
                MarketEventMapping.toAvro(e, symbol));
    }

    /** Feeds partition 1 entirely first, then partition 0: the worst interleaving for the merge. */
    private static Verdict check(List<List<TickRecord>> given, List<MarketEvent> dataset) {
        List<List<TickRecord>> parts = List.of(renumbered(given.get(0)), renumbered(given.get(1)));
        long[] ends = {parts.get(0).size(), parts.get(1).size()};
        TicksCheck check = new TicksCheck(dataset.iterator(), dataset.size(), SYMBOLS, ends);
        boolean go = true;
        for (int p = 1; p >= 0 && go; p--) {
            for (TickRecord r : parts.get(p)) {
                go = check.accept(r);
                if (!go) {
                    break;
                }
            }
        }
        return check.finish();
    }

    @Test
    void exactTopicPassesWhateverThePartitionInterleaving() {
        assertThat(check(topic(DATASET), DATASET)).isEqualTo(new Verdict(true, "PASS: the topic holds exactly the 6"
                + " events of the dataset in 2 partitions: every field equal, each seq once, seq strictly increasing"
                + " within every partition; and 8 progress markers, START first and END last in every partition,"
                + " each consistent with the events around it"));
    }

    @Test
    void missingEventIsNamed() {
        List<MarketEvent> topicEvents = new ArrayList<>(DATASET);
        topicEvents.remove(3);
        assertThat(check(topic(topicEvents), DATASET).line()).isEqualTo("FAIL: seq 4 (XOM) is missing from the topic");
    }

    @Test
    void outOfOrderWithinAPartitionIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET, 10);
        List<TickRecord> p1 = parts.get(1);
        int four = indexOfSeq(p1, 4, false);
        p1.add(four, p1.remove(four + 1));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 1 offset 3: seq 4 after seq 5 (not strictly increasing)");
    }

    @Test
    void differingFieldIsShownWithBothValues() {
        List<MarketEvent> topicEvents = new ArrayList<>(DATASET);
        topicEvents.set(2, new Trade(3, T0 + 1_500, 2, 475_050, 2, Side.BUY));
        assertThat(check(topic(topicEvents), DATASET).line()).isEqualTo("FAIL: partition 0 offset 3 (seq 3): the topic"
                + " has Trade[seq=3, timestampMicros=1704067200001500, instrument=2, price=475050, size=2,"
                + " aggressor=BUY] but the dataset has Trade[seq=3, timestampMicros=1704067200001500, instrument=2,"
                + " price=475025, size=2, aggressor=BUY]");
    }

    @Test
    void duplicateAcrossPartitionsIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(1).add(parts.get(1).size() - 1, record(1, 0, DATASET.get(5)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 0 offset 5: seq 6 appears more than once");
    }

    @Test
    void extraEventIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        List<TickRecord> p0 = parts.get(0);
        p0.set(p0.size() - 1, record(0, 0, new Trade(7, T0 + 4_000, 0, 4_325_018L, 1, Side.SELL)));
        p0.add(marker(0, 0, new ProgressMarker(Kind.END, 7, T0 + 4_000)));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 0 offset 6: seq 7 is not in the dataset of 6 events");
    }

    @Test
    void wrongKeyOrTimestampIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        TickRecord r = parts.get(0).get(1);
        parts.get(0).set(1, new TickRecord(0, 1, r.timestampMillis(), "ETH-USD", r.value()));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 0 offset 1 (seq 1): key 'ETH-USD' / symbol 'BTC-USD', expected 'BTC-USD'");
        parts = topic(DATASET);
        r = parts.get(1).get(1);
        parts.get(1).set(1, new TickRecord(1, 1, r.timestampMillis() + 1, r.key(), r.value()));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 1 (seq 2): record timestamp"
                + " 1704067200002 ms, expected 1704067200001 (event time)");
    }

    @Test
    void aTopicWithoutMarkersFailsAtItsFirstEvent() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.forEach(part -> part.removeIf(TickRecord::isProgress));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 0: event seq 2 comes before the"
                + " partition's START marker (a topic published before progress markers existed, or an interrupted"
                + " publish: publish the session again with --force)");
    }

    @Test
    void aPartitionWithoutEndFails() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(0).remove(parts.get(0).size() - 1);
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 0: its last record is not an END marker"
                + " (a topic published before progress markers existed, or an interrupted publish: publish the session"
                + " again with --force)");
        parts = topic(DATASET);
        parts.get(1).add(record(1, 0, DATASET.get(4)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 7: event seq 5 comes after the"
                + " partition's END marker (offset 6)");
    }

    @Test
    void anEventAfterAMarkerThatCoversItFails() {
        List<List<TickRecord>> parts = topic(DATASET);
        List<TickRecord> p0 = parts.get(0);
        TickRecord three = p0.remove(indexOfSeq(p0, 3, false));
        p0.add(indexOfSeq(p0, 4, true) + 1, three);
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 0 offset 4: event seq 3 comes after the"
                + " PROGRESS marker of seq 4 (offset 3), which says every event up to seq 4 was already published");
    }

    @Test
    void markersThatGoBackOrLagTheirEventsFail() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(1).add(parts.get(1).size() - 1, marker(1, 0, new ProgressMarker(Kind.PROGRESS, 2, T0 + 1_500)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 6: PROGRESS marker (seq 2) at"
                + " 1704067200001500 µs goes back from the PROGRESS marker of seq 4 at 1704067200002000 µs (offset 4)");

        parts = topic(DATASET);
        parts.get(1).set(2, marker(1, 2, new ProgressMarker(Kind.PROGRESS, 1, T0)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 2: PROGRESS marker (seq 1) at"
                + " 1704067200000000 µs comes after event seq 2 at 1704067200001500 µs: a marker carries the last seq"
                + " published and its time, never less than an event before it");

        parts = topic(DATASET);
        parts.get(0).set(2, marker(0, 2, new ProgressMarker(Kind.PROGRESS, 2, T0 + 2_500)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 0 offset 3: event seq 3 at"
                + " 1704067200001500 µs comes after the PROGRESS marker (offset 2) at 1704067200002500 µs: time goes"
                + " back");
    }

    @Test
    void startAndEndMustMatchTheDatasetsFirstAndLastEvent() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(1).set(0, marker(1, 0, new ProgressMarker(Kind.START, 0, T0 - 1)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 0: START marker (seq 0) has"
                + " time 1704067199999999 µs, not the first event's 1704067200000000");

        parts = topic(DATASET);
        parts.get(1).set(6, marker(1, 6, new ProgressMarker(Kind.END, 5, T0 + 2_999)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 6: END marker (seq 5 at"
                + " 1704067200002999 µs) is not the dataset's last event (seq 6 at 1704067200003000 µs)");

        parts = topic(DATASET);
        parts.get(0).add(2, marker(0, 0, new ProgressMarker(Kind.START, 0, T0)));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 0 offset 2: START marker (seq 0): a second START (the first at offset 0)");
    }

    @Test
    void aMarkerOfTheWrongShapeFails() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(1).set(2, new TickRecord(1, 2, 1_704_067_200_001L, null,
                MarketEventMapping.toAvro(new ProgressMarker(Kind.PROGRESS, 2, T0 + 1_500), 0)));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 1 offset 2: PROGRESS marker (seq 2) says it was written to partition 0");

        parts = topic(DATASET);
        TickRecord m = parts.get(1).get(2);
        parts.get(1).set(2, new TickRecord(1, 2, m.timestampMillis(), "XOM", m.value()));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 1 offset 2: PROGRESS marker (seq 2) has key 'XOM', expected none");

        parts = topic(DATASET);
        parts.get(1).set(2, new TickRecord(1, 2, m.timestampMillis() + 1, null, m.value()));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 2: PROGRESS marker (seq 2) has"
                + " record timestamp 1704067200002 ms, expected 1704067200001 (its time)");
    }

    @Test
    void markersPrintAsOneLine() {
        TickRecord m = topic(DATASET).get(1).get(4);
        assertThat(m.toMarkerLine()).isEqualTo("[p1 @4] PROGRESS seq=4 ts=2024-01-01T00:00:00.002Z");
        assertThat(m.toJsonLine()).startsWith("{\"partition\": 1, \"offset\": 4, \"timestamp\": 1704067200002,"
                + " \"key\": null, \"type\": \"Progress\", \"value\": {\"seq\": 4,");
    }

    @Test
    void queuesReportWhenFull() {
        TicksCheck check = new TicksCheck(DATASET.iterator(), DATASET.size(), SYMBOLS, new long[] {7, 7});
        check.accept(topic(DATASET).get(1).get(0));
        check.accept(topic(DATASET).get(1).get(1));
        assertThat(check.isFull(1)).isFalse();
        assertThat(TicksCheck.QUEUE_LIMIT).isEqualTo(20_000);
    }
}
