package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process and state-file helpers both background services share, without starting a service. */
class BackgroundJvmTest {
    @TempDir
    Path dir;

    @Test
    void commandPutsTheMarkerBeforeTheClassPath() {
        List<String> command = BackgroundJvm.command(List.of(BackgroundJvm.marker("registry"), "-Xmx128m"),
                "a.jar:b.jar", "x.Main", List.of("--port", "8081"));
        assertThat(command).containsExactly(BackgroundJvm.javaExecutable(), "-Dqps.service=registry", "-Xmx128m",
                "-cp", "a.jar:b.jar", "x.Main", "--port", "8081");
    }

    @Test
    void aMarkerMatchesOnlyAsAWholeOption() {
        assertThat(BackgroundJvm.carries("/j/java -Dqps.service=kafka -Xmx1g -cp x kafka.Kafka",
                "-Dqps.service=kafka")).isTrue();
        assertThat(BackgroundJvm.carries("/j/java -Dqps.service=kafka", "-Dqps.service=kafka")).isTrue();
        assertThat(BackgroundJvm.carries("/j/java -Dqps.service=kafka2 -cp x", "-Dqps.service=kafka")).isFalse();
        assertThat(BackgroundJvm.carries("/j/java -Dqps.service=registry -cp x", "-Dqps.service=kafka"))
                .isFalse();
    }

    @Test
    void thisJvmIsNotAMarkedService() {
        assertThat(BackgroundJvm.live(ProcessHandle.current().pid(), "registry")).isEmpty();
    }

    @Test
    void stateFileIsWrittenInOrderAndReadBack() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("pid", "12");
        entries.put("port", "8081");
        entries.put("bootstrap", "127.0.0.1:9092");
        Path file = dir.resolve("x.state");
        BackgroundJvm.writeState(file, entries);
        assertThat(Files.readString(file)).isEqualTo("pid=12\nport=8081\nbootstrap=127.0.0.1:9092\n");
        Properties read = BackgroundJvm.readState(file).orElseThrow();
        assertThat(read.getProperty("bootstrap")).isEqualTo("127.0.0.1:9092");
        assertThat(read.stringPropertyNames()).containsExactlyInAnyOrder("pid", "port", "bootstrap");
        assertThat(dir.resolve("x.state.tmp")).doesNotExist();
        BackgroundJvm.deleteState(file);
        assertThat(BackgroundJvm.readState(file)).isEmpty();
    }

    @Test
    void aProcessOutputGoesToItsLog() {
        Path log = dir.resolve("logs").resolve("out.log");
        assertThat(BackgroundJvm.run(List.of("sh", "-c", "echo one; echo two; exit 3"), dir, log,
                Duration.ofSeconds(30))).isEqualTo(3);
        assertThat(BackgroundJvm.logTail(log, 1)).isEqualTo("two");
        assertThat(BackgroundJvm.logTail(log, 5)).isEqualTo("one\ntwo");
    }

    @Test
    void terminateEndsAProcessWithSigterm() {
        Process process = BackgroundJvm.start(List.of("sleep", "60"), dir, dir.resolve("sleep.log"));
        ProcessHandle handle = process.toHandle();
        assertThat(BackgroundJvm.terminate(handle, Duration.ofSeconds(10))).isTrue();
        assertThat(handle.isAlive()).isFalse();
    }
}
