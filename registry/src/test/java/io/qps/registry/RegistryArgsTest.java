package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistryArgsTest {
    @Test
    void defaultsToLoopbackPort8081AndLocalKafka() {
        assertThat(RegistryArgs.parse(new String[0]))
                .containsExactly(java.util.Map.entry("bootstrap", "localhost:9092"),
                        java.util.Map.entry("host", "127.0.0.1"), java.util.Map.entry("port", "8081"),
                        java.util.Map.entry("basic-auth", ""), java.util.Map.entry("replication-factor", ""),
                        java.util.Map.entry("min-insync-replicas", ""), java.util.Map.entry("kafka-config", ""));
    }

    @Test
    void acceptsSpaceAndEqualsForms() {
        assertThat(RegistryArgs.parse(new String[] {"--bootstrap", "127.0.0.1:19092", "--port=0"}))
                .containsEntry("bootstrap", "127.0.0.1:19092").containsEntry("port", "0");
    }

    @Test
    void refusesUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--colour", "red"}))
                .hasMessage("unknown option '--colour'");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--port", "http"}))
                .hasMessage("--port must be a number, was 'http'");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--port", "70000"}))
                .hasMessage("--port must be within 0..65535, was 70000");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"stray"})).hasMessage("unexpected argument 'stray'");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--replication-factor", "0"}))
                .hasMessage("--replication-factor must be a number of at least 1, was '0'");
        assertThatThrownBy(() -> RegistryArgs.parse(new String[] {"--replication-factor", "2",
            "--min-insync-replicas", "3"})).hasMessage("--min-insync-replicas 3 exceeds --replication-factor 2");
    }
}
