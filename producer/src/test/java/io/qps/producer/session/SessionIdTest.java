package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionIdTest {
    @Test
    void acceptsSafeNames() {
        assertThat(SessionId.of("demo1").value()).isEqualTo("demo1");
        assertThat(SessionId.of("A.b_c-9").toString()).isEqualTo("A.b_c-9");
        assertThat(SessionId.of("x".repeat(100)).value()).hasSize(100);
        assertThat(SessionId.of("...").value()).isEqualTo("...");
    }

    @Test
    void refusesUnsafeNamesWithOneLineReasons() {
        assertThatThrownBy(() -> SessionId.of("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid session id 'a/b': only A-Z a-z 0-9 . _ - are allowed"
                        + " (it must be a safe Kafka topic and file name)");
        assertThatThrownBy(() -> SessionId.of("")).hasMessage(
                "invalid session id: it is empty; use 1..100 characters from A-Z a-z 0-9 . _ -");
        assertThatThrownBy(() -> SessionId.of(null)).hasMessage(
                "invalid session id: it is empty; use 1..100 characters from A-Z a-z 0-9 . _ -");
        assertThatThrownBy(() -> SessionId.of("..")).hasMessage(
                "invalid session id '..': '.' and '..' are not allowed");
        assertThatThrownBy(() -> SessionId.of(".")).hasMessage(
                "invalid session id '.': '.' and '..' are not allowed");
        assertThatThrownBy(() -> SessionId.of("x".repeat(101))).hasMessage(
                "invalid session id 'xxxxxxxxxxxxxxxxxxxx...': 101 characters, at most 100 allowed");
        assertThatThrownBy(() -> SessionId.of("demo 1")).hasMessageStartingWith("invalid session id 'demo 1': only");
        assertThatThrownBy(() -> SessionId.of("dé")).hasMessageStartingWith("invalid session id 'dé': only");
        assertThatThrownBy(() -> SessionId.of("a\nb")).hasMessageStartingWith("invalid session id 'a\nb': only");
    }
}
