package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.qps.embedded.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryProbeTest {
    private static HttpServer serverAnswering(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/subjects", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void http200IsUp() throws Exception {
        HttpServer server = serverAnswering(200);
        try {
            assertThat(RegistryProbe.probe("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(3)))
                    .isEqualTo(new RegistryProbe.Result(true, "answers GET /subjects"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void otherStatusIsDownWithTheCode() throws Exception {
        HttpServer server = serverAnswering(500);
        try {
            assertThat(RegistryProbe.probe("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(3)))
                    .isEqualTo(new RegistryProbe.Result(false, "GET /subjects answered HTTP 500"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsDown() {
        assertThat(RegistryProbe.probe("http://127.0.0.1:" + Ports.freePort(), Duration.ofSeconds(3)))
                .isEqualTo(new RegistryProbe.Result(false, "cannot connect (nothing listening?)"));
    }
}
