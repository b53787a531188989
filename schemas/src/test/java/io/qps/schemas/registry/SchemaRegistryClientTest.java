package io.qps.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's transport: auth header, caching, error mapping and an unreachable registry. A stub HTTP server on
 * loopback stands in for the registry here; the full API is tested against the embedded registry in qps-registry.
 */
class SchemaRegistryClientTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer stub;

    private String startStub(int status, String body) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", ex -> {
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " auth="
                    + ex.getRequestHeaders().getFirst("Authorization") + " accept=" + ex.getRequestHeaders().getFirst("Accept"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", RegistryErrorCodes.MEDIA_TYPE);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        stub.start();
        return "127.0.0.1:" + stub.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void sendsBasicAuthFromUserInfoAndCachesSchemasById() throws IOException {
        String hostPort = startStub(200, "{\"schema\":\"\\\"long\\\"\"}");
        SchemaRegistryClient client = new SchemaRegistryClient("http://user:secret@" + hostPort + "/");
        assertThat(client.url()).isEqualTo("http://" + hostPort);
        assertThat(client.getById(7)).isEqualTo(Schema.create(Schema.Type.LONG));
        assertThat(client.getById(7)).isEqualTo(Schema.create(Schema.Type.LONG));
        assertThat(seen).containsExactly("GET /schemas/ids/7 auth=Basic dXNlcjpzZWNyZXQ= accept="
                + "application/vnd.schemaregistry.v1+json, application/json");
    }

    @Test
    void secondLookupOfTheSameSubjectAndSchemaMakesNoRequest() throws IOException {
        String hostPort = startStub(200, "{\"subject\":\"t-value\",\"version\":3,\"id\":7,\"schema\":\"\\\"long\\\"\"}");
        SchemaRegistryClient client = new SchemaRegistryClient("http://" + hostPort);
        Schema schema = Schema.create(Schema.Type.LONG);
        RegisteredSchema expected = new RegisteredSchema("t-value", 3, 7, schema);

        assertThat(client.lookup("t-value", schema)).isEqualTo(expected);
        assertThat(client.lookup("t-value", Schema.create(Schema.Type.LONG))).isEqualTo(expected);
        assertThat(client.register("t-value", schema)).isEqualTo(7);
        assertThat(seen).hasSize(1).allMatch(line -> line.startsWith("POST /subjects/t-value auth=null "));

        client.lookup("u-value", schema);
        assertThat(seen).extracting(line -> line.substring(0, line.indexOf(" auth=")))
                .containsExactly("POST /subjects/t-value", "POST /subjects/u-value");
    }

    @Test
    void failedLookupIsNotCached() throws IOException {
        String hostPort = startStub(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        SchemaRegistryClient client = new SchemaRegistryClient("http://" + hostPort);
        Schema schema = Schema.create(Schema.Type.LONG);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.lookup("t-value", schema)).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.SCHEMA_NOT_FOUND));
        }
        assertThat(seen).hasSize(2);
    }

    @Test
    void explicitUserInfoWinsAndSubjectsArePercentEncoded() throws IOException {
        String hostPort = startStub(200, "[1]");
        SchemaRegistryClient client = new SchemaRegistryClient("http://" + hostPort, "ops:pw", Duration.ofSeconds(2));
        assertThat(client.subjects()).containsExactly("1");
        assertThat(client.versions("a b/c-value")).containsExactly(1);
        assertThat(seen).containsExactly(
                "GET /subjects auth=Basic b3BzOnB3 accept=application/vnd.schemaregistry.v1+json, application/json",
                "GET /subjects/a%20b%2Fc-value/versions auth=Basic b3BzOnB3 accept=application/vnd.schemaregistry.v1+json,"
                        + " application/json");
    }

    @Test
    void confluentErrorBodyBecomesErrorCodeAndOneLineMessage() throws IOException {
        String hostPort = startStub(404, "{\"error_code\":40401,\"message\":\"Subject 'x-value' not found.\"}");
        SchemaRegistryClient client = new SchemaRegistryClient("http://" + hostPort);
        assertThatThrownBy(() -> client.getLatest("x-value"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.SUBJECT_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                })
                .hasMessage("registry at http://" + hostPort + ": GET /subjects/x-value/versions/latest failed with"
                        + " HTTP 404, error_code 40401: Subject 'x-value' not found.");
    }

    @Test
    void unreachableRegistryFailsWithOneLineCause() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:" + port, null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.register("t-value", Schema.create(Schema.Type.STRING)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.UNREACHABLE);
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.getMessage()).doesNotContain("\n");
                })
                .hasMessageStartingWith("registry unreachable at http://127.0.0.1:" + port
                        + " (POST /subjects/t-value/versions: ");
    }

    @Test
    void silentRegistryTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SchemaRegistryClient client = new SchemaRegistryClient("http://127.0.0.1:" + silent.getLocalPort(), null,
                    Duration.ofMillis(500));
            assertThatThrownBy(() -> client.getById(1))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.UNREACHABLE))
                    .hasMessage("registry unreachable at http://127.0.0.1:" + silent.getLocalPort()
                            + " (GET /schemas/ids/1: no answer within 500 ms)");
        }
    }

    @Test
    void invalidUrlIsRefused() {
        assertThatThrownBy(() -> new SchemaRegistryClient("localhost:8081"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("invalid registry URL 'localhost:8081': expected http(s)://host:port");
    }

    @Test
    void userInfoSourceSendsTheConfiguredCredentials() throws IOException {
        String hostPort = startStub(200, "[]");
        SchemaRegistryClient client = AvroSerdeConfig.client(Map.of("schema.registry.url", "http://" + hostPort,
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "qps:s3cret"));
        assertThat(client.subjects()).isEmpty();
        assertThat(seen).singleElement().asString().contains(" auth=Basic cXBzOnMzY3JldA== ");
    }

    @Test
    void urlSourceSendsTheUrlsUserInfoAndIgnoresTheUserInfoKey() throws IOException {
        String hostPort = startStub(200, "[]");
        AvroSerdeConfig.client(Map.of("schema.registry.url", "http://qps:s3cret@" + hostPort,
                "basic.auth.credentials.source", "URL", "basic.auth.user.info", "other:pw")).subjects();
        assertThat(seen).singleElement().asString().contains(" auth=Basic cXBzOnMzY3JldA== ");
    }

    @Test
    void unauthorizedIsOneLineNamingTheRegistryAnd401() throws IOException {
        String hostPort = startStub(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThatThrownBy(() -> AvroSerdeConfig.client(Map.of("schema.registry.url", "http://" + hostPort))
                .subjects())
                .isInstanceOf(RegistryException.class)
                .hasMessage("registry at http://" + hostPort + ": GET /subjects failed with HTTP 401, error_code 401:"
                        + " Unauthorized (no credentials were sent: set basic.auth.credentials.source=USER_INFO and"
                        + " basic.auth.user.info=user:password in the client config file)");
        assertThatThrownBy(() -> AvroSerdeConfig.client(Map.of("schema.registry.url", "http://" + hostPort,
                "basic.auth.user.info", "qps:wrong")).subjects())
                .hasMessageEndingWith("HTTP 401, error_code 401: Unauthorized (the credentials sent were refused)");
    }
}
