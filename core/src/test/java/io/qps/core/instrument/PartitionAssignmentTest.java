package io.qps.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The balanced assignment: greedy LPT, deterministic ties, groups kept together; and the value's text forms. */
class PartitionAssignmentTest {
    /** Events per instrument of the standard universe's shape: crypto and futures busy, equities and FX quieter. */
    static final long[] COUNTS = {1_510, 1_263, 602, 583, 572, 588, 661, 507, 999, 825};

    @Test
    void largestFirstOntoTheLeastLoadedPartition() {
        PartitionAssignment a = PartitionAssignment.balanced(new long[] {5, 9, 7, 3, 1}, 2, List.of());
        // units by size: 1(9)→p0, 2(7)→p1, 0(5)→p1 (7<9), 3(3)→p0 (9<12), 4(1)→p0 (12=12, lowest partition)
        assertThat(a.partitionOf()).containsExactly(1, 0, 1, 0, 0);
        assertThat(a.eventsPerPartition(new long[] {5, 9, 7, 3, 1})).containsExactly(13, 12);
    }

    @Test
    void tiesGoToTheLowestInstrumentThenTheLowestPartition() {
        PartitionAssignment a = PartitionAssignment.balanced(new long[] {4, 4, 4, 4}, 3, List.of());
        assertThat(a.partitionOf()).containsExactly(0, 1, 2, 0);
        assertThat(PartitionAssignment.balanced(new long[] {0, 0, 0}, 2, List.of()).partitionOf())
                .as("all empty: every partition ties at 0, so the lowest index takes them").containsExactly(0, 0, 0);
    }

    @Test
    void theSameInputsGiveTheSameAssignment() {
        List<int[]> pair = List.<int[]>of(new int[] {2, 3});
        PartitionAssignment first = PartitionAssignment.balanced(COUNTS, 6, pair);
        for (int i = 0; i < 5; i++) {
            PartitionAssignment again = PartitionAssignment.balanced(COUNTS.clone(), 6, List.<int[]>of(new int[] {2, 3}));
            assertThat(again).isEqualTo(first).hasSameHashCodeAs(first);
        }
    }

    @Test
    void aGroupSharesOnePartitionAndCountsAsOneUnit() {
        PartitionAssignment a = PartitionAssignment.balanced(COUNTS, 6, List.<int[]>of(new int[] {3, 2}));
        assertThat(a.partitionOf(2)).isEqualTo(a.partitionOf(3));
        // the pair (1,185 events) is the third unit after 1,510 and 1,263: it gets a partition of its own
        assertThat(a.partitionOf(2)).isEqualTo(2);
        for (int p = 0; p < 6; p++) {
            int partition = p;
            assertThat(java.util.stream.IntStream.range(0, 10).filter(i -> a.partitionOf(i) == partition).count())
                    .as("instruments on partition %d", p).isPositive();
        }
    }

    @Test
    void theBusiestPartitionCarriesLittleMoreThanItsFairShare() {
        long total = java.util.Arrays.stream(COUNTS).sum();
        for (int partitions : new int[] {1, 2, 3, 4, 6}) {
            PartitionAssignment a = PartitionAssignment.balanced(COUNTS, partitions, List.of());
            long largest = java.util.Arrays.stream(COUNTS).max().orElseThrow();
            // LPT bound: the busiest partition holds at most the fair share plus one unit
            assertThat(a.maxShare(COUNTS)).as("%d partitions", partitions)
                    .isLessThanOrEqualTo(1.0 / partitions + (double) largest / total);
        }
        assertThat(PartitionAssignment.balanced(COUNTS, 1, List.of()).maxShare(COUNTS)).isEqualTo(1.0);
        // more partitions than instruments: each instrument alone, the busiest holds the largest instrument
        assertThat(PartitionAssignment.balanced(COUNTS, 12, List.of()).maxShare(COUNTS))
                .isEqualTo((double) 1_510 / total);
        assertThat(PartitionAssignment.balanced(new long[3], 2, List.of()).maxShare(new long[3])).isZero();
    }

    @Test
    void badGroupsAreRefused() {
        assertThatThrownBy(() -> PartitionAssignment.balanced(COUNTS, 2, List.<int[]>of(new int[] {1, 2},
                new int[] {2, 3}))).hasMessageContaining("instrument 2 is in more than one group");
        assertThatThrownBy(() -> PartitionAssignment.balanced(COUNTS, 2, List.<int[]>of(new int[] {10})))
                .hasMessageContaining("outside 0..9");
        assertThatThrownBy(() -> PartitionAssignment.balanced(COUNTS, 2, List.<int[]>of(new int[0])))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PartitionAssignment.balanced(COUNTS, 0, List.of()))
                .hasMessageContaining("at least 1");
    }

    @Test
    void theValueIsImmutableAndComparedByContents() {
        int[] of = {0, 1, 1};
        PartitionAssignment a = new PartitionAssignment(2, of);
        of[0] = 1;
        a.partitionOf()[1] = 0;
        assertThat(a.partitionOf()).containsExactly(0, 1, 1);
        assertThat(a).isEqualTo(new PartitionAssignment(2, new int[] {0, 1, 1}))
                .isNotEqualTo(new PartitionAssignment(3, new int[] {0, 1, 1}));
        assertThatThrownBy(() -> new PartitionAssignment(2, new int[] {0, 2}))
                .hasMessageContaining("instrument 1 assigned to partition 2, outside 0..1");
    }

    @Test
    void textForms() {
        PartitionAssignment a = PartitionAssignment.balanced(COUNTS, 6, List.<int[]>of(new int[] {2, 3}));
        assertThat(PartitionAssignment.parse(a.format())).isEqualTo(a);
        assertThat(new PartitionAssignment(3, new int[] {0, 2, 1}).format()).isEqualTo("3:0,2,1");
        assertThat(PartitionAssignment.parse("4:").instruments()).isZero();
        assertThatThrownBy(() -> PartitionAssignment.parse("0,1")).hasMessageContaining("expected <partitions>:");
        assertThatThrownBy(() -> PartitionAssignment.parse("2:0,x")).hasMessageContaining("invalid partition");
        String described = new PartitionAssignment(2, new int[] {0, 1, 0, 0, 1, 1, 0, 1, 0, 1})
                .describe(Universe.standard());
        assertThat(described).startsWith("BTC-USD→0 ETH-USD→1 XOM→0 CVX→0 AAPL→1").endsWith("NQ→1");
    }
}
