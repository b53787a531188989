package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorHandlersTest {
    @Test
    void causesAreJoinedOnOneLineWithoutRepeats() {
        Exception e = new UncheckedIOException("cannot write /x/server.properties",
                new IOException("No space left on device"));
        assertThat(ErrorHandlers.oneLine(e)).isEqualTo("cannot write /x/server.properties: No space left on device");
    }

    @Test
    void onlyTheFirstLineOfAMultiLineMessage() {
        Exception e = new IllegalStateException("broker exited (see log)\nline one of the log\nline two");
        assertThat(ErrorHandlers.oneLine(e)).isEqualTo("broker exited (see log)");
    }

    @Test
    void aCauseWhoseMessageIsAlreadyIncludedIsSkipped() {
        IOException cause = new IOException("disk full");
        Exception e = new RuntimeException(cause);
        assertThat(ErrorHandlers.oneLine(e)).isEqualTo("java.io.IOException: disk full");
    }

    @Test
    void noMessageFallsBackToTheTypeName() {
        assertThat(ErrorHandlers.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
