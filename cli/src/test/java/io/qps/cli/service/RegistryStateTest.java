package io.qps.cli.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryStateTest {
    @TempDir
    Path dir;

    @Test
    void writesAFixedFormatAndReadsItBack() throws Exception {
        RegistryState state = new RegistryState(4242L, 18081, "127.0.0.1:19092");
        state.write(dir);
        assertThat(Files.readString(dir.resolve("registry.state")))
                .isEqualTo("pid=4242\nport=18081\nbootstrapServers=127.0.0.1:19092\n");
        assertThat(RegistryState.read(dir)).contains(state);
        assertThat(state.url()).isEqualTo("http://127.0.0.1:18081");
        RegistryState.delete(dir);
        assertThat(RegistryState.read(dir)).isEmpty();
    }

    @Test
    void corruptFileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("registry.state"), "pid=1\nport=http\n");
        assertThatThrownBy(() -> RegistryState.read(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessage("corrupt registry state file " + dir.resolve("registry.state") + "; delete it and retry");
    }
}
