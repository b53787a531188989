package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a task asks for a commit ahead of the interval. */
class PromptCommitsTest {
    /** The busy count is the thread's: start each test from a commit. */
    @org.junit.jupiter.api.BeforeEach
    void threadJustCommitted() {
        new PromptCommits(true).committed(() -> 0);
    }
    @Test
    void offByDefaultAndWhenTheConfigSaysSo() {
        for (Map<String, Object> configs : java.util.List.<Map<String, Object>>of(Map.of(),
                Map.of(PromptCommits.CONFIG, "false"))) {
            PromptCommits p = PromptCommits.of(configs);
            p.forwarded();
            assertThat(p.due(() -> {
                throw new AssertionError("the clock is not read when off");
            })).as("%s", configs).isFalse();
        }
    }

    @Test
    void asksOnceAfterAForwardAndAtMostOncePerGap() {
        PromptCommits p = PromptCommits.of(Map.of(PromptCommits.CONFIG, "true"));
        assertThat(p.due(() -> 1_000)).as("nothing forwarded").isFalse();
        p.forwarded();
        assertThat(p.due(() -> 1_000)).isTrue();
        assertThat(p.due(() -> 1_001)).as("asked already").isFalse();
        p.forwarded();
        assertThat(p.due(() -> 1_000 + PromptCommits.GAP_MS - 1)).as("within the gap").isFalse();
        assertThat(p.due(() -> 1_000 + PromptCommits.GAP_MS)).as("still owed, the gap passed").isTrue();
    }

    @Test
    void aCommitInBetweenSettlesWhatWasOwed() {
        PromptCommits p = PromptCommits.of(Map.of(PromptCommits.CONFIG, true));
        p.forwarded();
        p.committed(() -> 5_000);
        assertThat(p.due(() -> 6_000)).as("the interval's commit carried it").isFalse();
        p.forwarded();
        assertThat(p.due(() -> 5_000 + PromptCommits.GAP_MS - 1)).as("too soon after the commit").isFalse();
        assertThat(p.due(() -> 5_000 + PromptCommits.GAP_MS)).isTrue();
    }

    @Test
    void aThreadCatchingUpLeavesItsTasksOutputsToTheInterval() {
        PromptCommits p = PromptCommits.of(Map.of(PromptCommits.CONFIG, "true"));
        PromptCommits other = PromptCommits.of(Map.of(PromptCommits.CONFIG, "true"));
        p.committed(() -> 0);
        for (int i = 0; i <= PromptCommits.BUSY_RECORDS; i++) {
            other.processed();
        }
        p.processed();
        p.forwarded();
        assertThat(p.due(() -> 1_000)).as("another task of the thread took more than %d records since the last"
                + " commit", PromptCommits.BUSY_RECORDS).isFalse();
        p.committed(() -> 1_100);
        p.processed();
        p.forwarded();
        assertThat(p.due(() -> 1_100 + PromptCommits.GAP_MS)).as("a trickle again").isTrue();
    }
}
