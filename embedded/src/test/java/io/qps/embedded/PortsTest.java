package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aBoundPortIsTakenAndFreeAgainAfterClose() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
            assertThat(Ports.isFree(port)).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka listener"))
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessage("port " + port + " (Kafka listener) on 127.0.0.1 is already in use by another"
                            + " process; stop it or choose another port");
        }
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void freePortIsAnUnprivilegedPortThatCanBeBound() {
        int port = Ports.freePort();
        assertThat(port).isBetween(1024, 65_535);
        assertThat(Ports.isFree(port)).isTrue();
    }
}
