package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.registry.http.BasicAuthHandler;
import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded registry requiring basic auth, against the project's client configured with Confluent's keys. */
class RegistryBasicAuthTest {
    private EmbeddedSchemaRegistry registry;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(new InMemorySchemaStore(), "127.0.0.1", 0,
                BasicAuthHandler.parseUsers("qps:s3cret, reader:r:pw"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void theRightCredentialsWorkByUserInfoAndByUrl() {
        SchemaRegistryClient byUserInfo = AvroSerdeConfig.client(Map.of("schema.registry.url", registry.url(),
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "qps:s3cret"));
        assertThat(byUserInfo.register("a-value", EmbeddedSchemaRegistryTest.V1)).isEqualTo(1);
        SchemaRegistryClient byUrl = AvroSerdeConfig.client(Map.of("schema.registry.url",
                registry.url().replace("http://", "http://reader:r:pw@"), "basic.auth.credentials.source", "URL"));
        assertThat(byUrl.subjects()).containsExactly("a-value");
    }

    @Test
    void noOrWrongCredentialsGetOneLine401NamingTheRegistry() {
        assertThatThrownBy(() -> new SchemaRegistryClient(registry.url()).subjects())
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("registry at " + registry.url() + ": GET /subjects failed with HTTP 401,"
                        + " error_code 401: Unauthorized (no credentials were sent")
                .satisfies(e -> assertThat(((RegistryException) e).httpStatus()).isEqualTo(401));
        assertThatThrownBy(() -> new SchemaRegistryClient(registry.url(), "qps:wrong", Duration.ofSeconds(5))
                .register("a-value", EmbeddedSchemaRegistryTest.V1))
                .hasMessage("registry at " + registry.url() + ": POST /subjects/a-value/versions failed with HTTP 401,"
                        + " error_code 401: Unauthorized (the credentials sent were refused)");
        assertThatThrownBy(() -> new SchemaRegistryClient(registry.url(), "nobody:s3cret", Duration.ofSeconds(5))
                .subjects()).hasMessageContaining("HTTP 401");
    }

    @Test
    void answers401WithConfluentsBodyAndAChallenge() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(registry.url() + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"SchemaRegistry\"");
    }

    @Test
    void usersListIsParsedAndAMalformedEntryIsNamedWithoutItsPassword() {
        assertThat(BasicAuthHandler.parseUsers("a:1,b:x:y")).isEqualTo(Map.of("a", "1", "b", "x:y"));
        assertThatThrownBy(() -> BasicAuthHandler.parseUsers("a:1,nopassword"))
                .hasMessage("basic auth users must look like user:password[,user:password], got 'nopassword'");
        assertThatThrownBy(() -> BasicAuthHandler.parseUsers("a:"))
                .hasMessage("basic auth users must look like user:password[,user:password], got 'a:...'");
    }
}
