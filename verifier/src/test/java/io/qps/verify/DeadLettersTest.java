package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter comparison: two runs' quarantined records in canonical form (coordinates, reason, bytes; ordered by
 * source partition and offset, whatever their order in the topic), compared record by record.
 */
class DeadLettersTest {
    static DeadLetters.Entry entry(int partition, long offset, String reason) {
        return entry(partition, offset, reason, "bytes@" + partition + ":" + offset);
    }

    static DeadLetters.Entry entry(int partition, long offset, String reason, String value) {
        return DeadLetters.Entry.of("qps.s1.ticks", partition, offset, reason, value.getBytes(StandardCharsets.UTF_8));
    }

    static DeadLetters letters(String run, DeadLetters.Entry... entries) {
        DeadLetters.Builder b = new DeadLetters.Builder(run, "qps.s1." + run + ".dlq", 100);
        for (DeadLetters.Entry e : entries) {
            b.add(e);
        }
        return b.build();
    }

    @Test
    void theSameRecordsInAnotherTopicOrderAreEqual() {
        DeadLetters live = letters("live", entry(2, 40, "crossed book"), entry(0, 9, "not a MarketEvent"),
                entry(0, 3, "seq 5 after seq 5 in this partition (duplicated)"));
        DeadLetters replay = letters("replay-1", entry(0, 3, "seq 5 after seq 5 in this partition (duplicated)"),
                entry(2, 40, "crossed book"), entry(0, 9, "not a MarketEvent"));
        assertThat(DeadLetters.firstDifference(live, replay)).isNull();
        assertThat(live.digest()).isEqualTo(replay.digest()).isNotEqualTo(DeadLetters.EMPTY_DIGEST);
        assertThat(live.count()).isEqualTo(3);
        assertThat(live.entries()).extracting(DeadLetters.Entry::offset).containsExactly(3L, 9L, 40L);
        assertThat(live.entries().get(0).line()).startsWith("qps.s1.ticks|0|3|seq 5 after seq 5")
                .contains("|sha256=").endsWith("|bytes=9");
        assertThat(DeadLetters.firstDifference(DeadLetters.none("live"), DeadLetters.none("replay-1"))).isNull();
        assertThat(DeadLetters.none("live").digest()).isEqualTo(DeadLetters.EMPTY_DIGEST);
    }

    @Test
    void aDifferingReasonIsNamedWithBothRecords() {
        DeadLetters live = letters("live", entry(0, 3, "crossed book"), entry(1, 8, "trade size -3 is not positive"));
        DeadLetters replay = letters("replay-1", entry(0, 3, "crossed book"), entry(1, 8, "trade price 0 is not"
                + " positive"));
        DeadLetters.Difference d = DeadLetters.firstDifference(live, replay);
        assertThat(d.index()).isEqualTo(1);
        assertThat(d.field()).isEqualTo("reason");
        assertThat(d.at().partition()).isEqualTo(1);
        assertThat(d.at().offset()).isEqualTo(8);
        assertThat(d.expected().reason()).isEqualTo("trade size -3 is not positive");
        assertThat(d.actual().reason()).isEqualTo("trade price 0 is not positive");
        assertThat(d.describe()).startsWith("record 1 (qps.s1.ticks partition 1 offset 8) differs in reason: live ");
        assertThat(live.digest()).isNotEqualTo(replay.digest());
    }

    @Test
    void aDifferingOffsetOrValueIsNamed() {
        DeadLetters live = letters("live", entry(0, 3, "crossed book"));
        DeadLetters.Difference offset = DeadLetters.firstDifference(live,
                letters("replay-1", entry(0, 4, "crossed book")));
        assertThat(offset.field()).isEqualTo("offset");
        assertThat(offset.expected().offset()).isEqualTo(3);
        assertThat(offset.actual().offset()).isEqualTo(4);
        DeadLetters.Difference partition = DeadLetters.firstDifference(live,
                letters("replay-1", entry(1, 3, "crossed book")));
        assertThat(partition.field()).isEqualTo("partition");
        DeadLetters.Difference value = DeadLetters.firstDifference(live,
                letters("replay-1", entry(0, 3, "crossed book", "other bytes")));
        assertThat(value.field()).isEqualTo("value");
        assertThat(value.expected().sha256()).isNotEqualTo(value.actual().sha256());
    }

    @Test
    void aRecordOnlyOneRunQuarantinedIsNamedOnEitherSide() {
        DeadLetters two = letters("live", entry(0, 3, "crossed book"), entry(0, 7, "not a MarketEvent"));
        DeadLetters one = letters("replay-1", entry(0, 3, "crossed book"));
        DeadLetters.Difference missing = DeadLetters.firstDifference(two, one);
        assertThat(missing.index()).isEqualTo(1);
        assertThat(missing.field()).isEqualTo("record");
        assertThat(missing.actual()).isNull();
        assertThat(missing.at().offset()).isEqualTo(7);
        assertThat(missing.describe()).isEqualTo("record 1 (qps.s1.ticks partition 0 offset 7) is quarantined by live"
                + " only");
        DeadLetters.Difference extra = DeadLetters.firstDifference(letters("live", entry(0, 3, "crossed book")),
                letters("replay-1", entry(0, 3, "crossed book"), entry(0, 7, "not a MarketEvent")));
        assertThat(extra.expected()).isNull();
        assertThat(extra.describe()).endsWith("is quarantined by replay-1 only");
        assertThat(DeadLetters.firstDifference(DeadLetters.none("live"), one).field()).isEqualTo("record");
    }

    @Test
    void moreRecordsThanTheCapAreRefusedWithAReason() {
        DeadLetters.Builder b = new DeadLetters.Builder("live", "qps.s1.live.dlq", 2);
        b.add(entry(0, 1, "x")).add(entry(0, 2, "x"));
        assertThatThrownBy(() -> b.add(entry(0, 3, "x")))
                .isInstanceOf(VerifyException.class)
                .hasMessageStartingWith("run live quarantined more than 2 ticks records (qps.s1.live.dlq)");
    }
}
