package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerStateTest {
    @TempDir
    Path dir;

    @Test
    void writesAFixedFormatAndReadsItBack() throws Exception {
        BrokerState state = new BrokerState(4242L, 19092, 19093, "abcDEF");
        state.write(dir);
        assertThat(Files.readString(dir.resolve("broker.state")))
                .isEqualTo("pid=4242\nport=19092\ncontrollerPort=19093\nclusterId=abcDEF\n");
        assertThat(BrokerState.read(dir)).contains(state);
        assertThat(state.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void noFileMeansNoState() {
        assertThat(BrokerState.read(dir)).isEmpty();
    }

    @Test
    void deleteRemovesTheFile() {
        new BrokerState(1L, 2, 3, "x").write(dir);
        BrokerState.delete(dir);
        assertThat(dir.resolve("broker.state")).doesNotExist();
    }

    @Test
    void corruptFileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("broker.state"), "pid=twelve\nport=1\ncontrollerPort=2\n");
        assertThatThrownBy(() -> BrokerState.read(dir)).isInstanceOf(EmbeddedKafkaException.class)
                .hasMessage("corrupt broker state file " + dir.resolve("broker.state") + "; delete it and retry");
    }
}
