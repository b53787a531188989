package io.qps.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.qps.schemas.PnlSnapshot;
import io.qps.schemas.registry.RegistryErrorCodes;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serializer with auto-registration off looks its schema id up once, not once per record: a loopback HTTP server
 * standing in for the registry counts the requests.
 */
class AvroSerializerTest {
    private static final PnlSnapshot PNL = new PnlSnapshot("live", 12L, "TOTAL", 1, "TOTAL", 1_700_000_060_000_000L,
            5L, -17L, 1_081L, -1_093L, 10_812_542_500L, 1L);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer registry;

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    @Test
    void withoutAutoRegisterTheIdIsLookedUpOnceForManyRecords() throws IOException {
        byte[] answer = new ObjectMapper().writeValueAsBytes(Map.of("subject", "demo1.live.pnl-value", "version", 2,
                "id", 5, "schema", PnlSnapshot.getClassSchema().toString()));
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
            ex.getResponseHeaders().set("Content-Type", RegistryErrorCodes.MEDIA_TYPE);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        registry.start();
        AvroSerializer<PnlSnapshot> serializer = new AvroSerializer<>(
                new SchemaRegistryClient("http://127.0.0.1:" + registry.getAddress().getPort()), false);

        byte[] first = serializer.serialize("demo1.live.pnl", PNL);
        byte[] second = serializer.serialize("demo1.live.pnl", PNL);
        byte[] third = serializer.serialize("demo1.live.pnl", PNL);

        assertThat(requests).containsExactly("POST /subjects/demo1.live.pnl-value");
        assertThat(Arrays.copyOf(first, 5)).containsExactly(0, 0, 0, 0, 5);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }
}
