package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void lastLinesOnly() throws Exception {
        Path log = dir.resolve("server.log");
        Files.writeString(log, "one\ntwo\nthree\nfour\n");
        assertThat(LogTail.of(log, 2)).isEqualTo("three\nfour");
        assertThat(LogTail.of(log, 10)).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void missingFileIsSaidSo() {
        assertThat(LogTail.of(dir.resolve("nope.log"), 5)).isEqualTo("(no log file " + dir.resolve("nope.log") + ")");
    }
}
