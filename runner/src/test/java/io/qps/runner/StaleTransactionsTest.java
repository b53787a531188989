package io.qps.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaleTransactionsTest {
    @Test
    void onlyTheStreamThreadProducersOfTheApplicationItselfAreOurs() {
        String uuid = "e192cd47-750f-4b60-b3bb-2d37216e4ed0";
        assertThat(StaleTransactions.ours("qps-crash", "qps-crash-" + uuid + "-1")).isTrue();
        assertThat(StaleTransactions.ours("qps-crash", "qps-crash-" + uuid + "-12")).isTrue();
        // another session whose id starts with this one's
        assertThat(StaleTransactions.ours("qps-crash", "qps-crash-2-" + uuid + "-1")).isFalse();
        assertThat(StaleTransactions.ours("qps-crash", "qps-crash-" + uuid + "-" + uuid + "-1")).isFalse();
        assertThat(StaleTransactions.ours("qps-crash", "qps-crash-" + uuid)).isFalse();
        // a dot in the application id is a dot, not any character
        assertThat(StaleTransactions.ours("qps-a.b", "qps-aXb-" + uuid + "-1")).isFalse();
        assertThat(StaleTransactions.ours("qps-a.b", "qps-a.b-" + uuid + "-1")).isTrue();
    }
}
