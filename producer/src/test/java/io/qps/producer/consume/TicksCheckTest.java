package io.qps.producer.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.schemas.mapping.MarketEventMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge-back check on hand-made topics: records of three instruments spread over two partitions. */
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

    /** The records the publisher would write, partition by partition in offset order. */
    private static List<List<TickRecord>> topic(List<MarketEvent> events) {
        List<List<TickRecord>> parts = List.of(new ArrayList<>(), new ArrayList<>());
        for (MarketEvent e : events) {
            List<TickRecord> part = parts.get(partitionOf(e));
            part.add(record(partitionOf(e), part.size(), e));
        }
        return parts;
    }

    private static TickRecord record(int partition, long offset, MarketEvent e) {
        String symbol = SYMBOLS.get(e.instrument());
        return new TickRecord(partition, offset, Math.floorDiv(e.timestampMicros(), 1000L), symbol,
                MarketEventMapping.toAvro(e, symbol));
    }

    /** Feeds partition 1 entirely first, then partition 0: the worst interleaving for the merge. */
    private static Verdict check(List<List<TickRecord>> parts, List<MarketEvent> dataset) {
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
                + " within every partition"));
    }

    @Test
    void missingEventIsNamed() {
        List<MarketEvent> topicEvents = new ArrayList<>(DATASET);
        topicEvents.remove(3);
        assertThat(check(topic(topicEvents), DATASET).line()).isEqualTo("FAIL: seq 4 (XOM) is missing from the topic");
    }

    @Test
    void outOfOrderWithinAPartitionIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        List<TickRecord> p1 = parts.get(1);
        TickRecord a = p1.get(1);
        TickRecord b = p1.get(2);
        p1.set(1, new TickRecord(1, 1, b.timestampMillis(), b.key(), b.value()));
        p1.set(2, new TickRecord(1, 2, a.timestampMillis(), a.key(), a.value()));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 1 offset 2: seq 4 after seq 5 (not strictly increasing)");
    }

    @Test
    void differingFieldIsShownWithBothValues() {
        List<MarketEvent> topicEvents = new ArrayList<>(DATASET);
        topicEvents.set(2, new Trade(3, T0 + 1_500, 2, 475_050, 2, Side.BUY));
        assertThat(check(topic(topicEvents), DATASET).line()).isEqualTo("FAIL: partition 0 offset 1 (seq 3): the topic"
                + " has Trade[seq=3, timestampMicros=1704067200001500, instrument=2, price=475050, size=2,"
                + " aggressor=BUY] but the dataset has Trade[seq=3, timestampMicros=1704067200001500, instrument=2,"
                + " price=475025, size=2, aggressor=BUY]");
    }

    @Test
    void duplicateAcrossPartitionsIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(1).add(record(1, parts.get(1).size(), DATASET.get(5)));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 0 offset 2: seq 6 appears more than once");
    }

    @Test
    void extraEventIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        parts.get(0).add(record(0, parts.get(0).size(), new Trade(7, T0 + 4_000, 0, 4_325_018L, 1, Side.SELL)));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 0 offset 3: seq 7 is not in the dataset of 6 events");
    }

    @Test
    void wrongKeyOrTimestampIsNamed() {
        List<List<TickRecord>> parts = topic(DATASET);
        TickRecord r = parts.get(0).get(0);
        parts.get(0).set(0, new TickRecord(0, 0, r.timestampMillis(), "ETH-USD", r.value()));
        assertThat(check(parts, DATASET).line())
                .isEqualTo("FAIL: partition 0 offset 0 (seq 1): key 'ETH-USD' / symbol 'BTC-USD', expected 'BTC-USD'");
        parts = topic(DATASET);
        r = parts.get(1).get(0);
        parts.get(1).set(0, new TickRecord(1, 0, r.timestampMillis() + 1, r.key(), r.value()));
        assertThat(check(parts, DATASET).line()).isEqualTo("FAIL: partition 1 offset 0 (seq 2): record timestamp"
                + " 1704067200002 ms, expected 1704067200001 (event time)");
    }

    @Test
    void queuesReportWhenFull() {
        TicksCheck check = new TicksCheck(DATASET.iterator(), DATASET.size(), SYMBOLS, new long[] {3, 3});
        check.accept(topic(DATASET).get(1).get(0));
        assertThat(check.isFull(1)).isFalse();
        assertThat(TicksCheck.QUEUE_LIMIT).isEqualTo(20_000);
    }
}
