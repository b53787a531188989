package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicNamesTest {
    private static final SessionId DEMO = SessionId.of("demo1");

    @Test
    void namesEveryTopicOfASession() {
        assertThat(TopicNames.ticks(DEMO)).isEqualTo("qps.demo1.ticks");
        assertThat(TopicNames.orders(DEMO, "live")).isEqualTo("qps.demo1.live.orders");
        assertThat(TopicNames.fills(DEMO, "replay-1")).isEqualTo("qps.demo1.replay-1.fills");
        assertThat(TopicNames.positions(DEMO, "live")).isEqualTo("qps.demo1.live.positions");
        assertThat(TopicNames.pnl(DEMO, "replay-2")).isEqualTo("qps.demo1.replay-2.pnl");
        assertThat(TopicNames.RESULTS).isEqualTo("qps.results");
        assertThat(TopicNames.SESSIONS).isEqualTo("qps.sessions");
    }

    @Test
    void longestNamesStayWithinKafkasLimit() {
        SessionId longest = SessionId.of("s".repeat(100));
        assertThat(TopicNames.positions(longest, "r".repeat(100))).hasSize(4 + 100 + 1 + 100 + 10)
                .hasSizeLessThanOrEqualTo(249);
    }

    @Test
    void refusesUnsafeRunIds() {
        assertThatThrownBy(() -> TopicNames.orders(DEMO, "live/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid run id 'live/1': only A-Z a-z 0-9 . _ - are allowed"
                        + " (it must be a safe Kafka topic and file name)");
        assertThatThrownBy(() -> TopicNames.pnl(DEMO, "..")).hasMessage("invalid run id '..': '.' and '..' are not allowed");
    }
}
