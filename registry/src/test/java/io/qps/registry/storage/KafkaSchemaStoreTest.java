package io.qps.registry.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Without a broker: an unreachable cluster is a one-line failure within the store's timeout, not a hang. */
class KafkaSchemaStoreTest {
    @Test
    void unreachableKafkaFailsWithAOneLineCause() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + port;
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(bootstrap, "127.0.0.1", 0))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Kafka unreachable at " + bootstrap + ": cannot create or find topic _qps_schemas"
                        + " within 10 s (")
                .hasMessageNotContaining("\n");
    }
}
