package io.qps.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {
    static final Schema A = SchemaBuilder.record("R").fields().requiredLong("a").endRecord();
    static final Schema AB_DEFAULT = SchemaBuilder.record("R").fields().requiredLong("a")
            .name("b").type().longType().longDefault(0).endRecord();
    static final Schema AB_REQUIRED = SchemaBuilder.record("R").fields().requiredLong("a").requiredLong("b").endRecord();
    static final Schema EMPTY = SchemaBuilder.record("R").fields().endRecord();

    @Test
    void backwardLooksAtTheLatestOnlyAndTransitiveAtAll() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, AB_REQUIRED, List.of(A, AB_DEFAULT))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, AB_REQUIRED, List.of(A, AB_DEFAULT)))
                .containsExactly("BACKWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/1': b");
    }

    @Test
    void forwardChecksThatTheOldSchemaReadsTheNewData() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, EMPTY, List.of(A)))
                .containsExactly("FORWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/0': a");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, EMPTY, List.of(A))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, AB_REQUIRED, List.of(A))).isEmpty();
    }

    @Test
    void fullNeedsBothDirectionsAndNoneNeither() {
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, AB_DEFAULT, List.of(A))).isEmpty();
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL, AB_REQUIRED, List.of(A)))
                .containsExactly("BACKWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/1': b");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.FULL_TRANSITIVE, EMPTY, List.of(A, AB_DEFAULT)))
                .containsExactly("FORWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/0': a",
                        "FORWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/0': a");
        assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, EMPTY, List.of(A))).isEmpty();
    }

    @Test
    void levelsParseCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("backward_transitive")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("sideways")).isNull();
    }
}
