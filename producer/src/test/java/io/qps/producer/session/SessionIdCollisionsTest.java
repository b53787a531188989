package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionIdCollisionsTest {
    @Test
    void refusesAnIdThatDiffersFromAKnownSessionOnlyInDotsAndUnderscores() {
        assertThat(SessionIdCollisions.problem(SessionId.of("a_b"), List.of("demo", "a.b"), List.of()))
                .contains("session id 'a_b' collides with existing session 'a.b': Kafka treats '.' and '_' in topic"
                        + " names as the same character, so qps.a_b.ticks and qps.a.b.ticks cannot both exist;"
                        + " choose another --session");
    }

    @Test
    void refusesAnIdWhoseTopicsCollideWithAnExistingTopic() {
        assertThat(SessionIdCollisions.problem(SessionId.of("x.y"), List.of(), List.of("qps.x_y.live.fills")))
                .contains("session id 'x.y' collides with existing topic qps.x_y.live.fills: Kafka treats '.' and '_'"
                        + " in topic names as the same character, so qps.x.y.live.fills cannot be created; choose"
                        + " another --session");
    }

    @Test
    void acceptsTheSameIdAgainAndIdsThatOnlyShareAPrefix() {
        List<String> topics = List.of("qps.a.b.ticks", "qps.a.ticks", "qps.a_b_c.ticks", "qps.sessions");
        assertThat(SessionIdCollisions.problem(SessionId.of("a.b"), List.of("a.b", "a", "a_b_c"), topics)).isEmpty();
        assertThat(SessionIdCollisions.problem(SessionId.of("a"), List.of("a.b", "a_b_c"), topics)).isEmpty();
        assertThat(SessionIdCollisions.problem(SessionId.of("b"), List.of("a.b"), topics)).isEmpty();
    }
}
