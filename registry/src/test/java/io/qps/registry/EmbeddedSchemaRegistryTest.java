package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.registry.storage.InMemorySchemaStore;
import io.qps.schemas.registry.RegisteredSchema;
import io.qps.schemas.registry.RegistryErrorCodes;
import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's client against the embedded registry over real HTTP on loopback, storage in memory. */
class EmbeddedSchemaRegistryTest {
    static final Schema V1 = SchemaBuilder.record("Tick").namespace("t").fields().requiredLong("seq").endRecord();
    static final Schema V2 = SchemaBuilder.record("Tick").namespace("t").fields().requiredLong("seq")
            .name("venue").type().stringType().stringDefault("SIM").endRecord();
    static final Schema V3_INCOMPATIBLE = SchemaBuilder.record("Tick").namespace("t").fields().requiredLong("seq")
            .name("venue").type().stringType().stringDefault("SIM").requiredLong("size").endRecord();

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private EmbeddedSchemaRegistry registry;
    private SchemaRegistryClient client;

    @BeforeEach
    void start() {
        registry = EmbeddedSchemaRegistry.start(store, "127.0.0.1", 0);
        client = new SchemaRegistryClient(registry.url());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registersAndReturnsTheSameIdForTheSameSchema() {
        assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + registry.port());
        assertThat(client.register("a-value", V1)).isEqualTo(1);
        assertThat(new SchemaRegistryClient(registry.url()).register("a-value", V1)).isEqualTo(1);
        assertThat(client.versions("a-value")).containsExactly(1);
        assertThat(client.register("b-value", V1)).as("same schema, other subject: same id").isEqualTo(1);
        assertThat(client.register("b-value", V2)).isEqualTo(2);
        assertThat(client.subjects()).containsExactly("a-value", "b-value");
        assertThat(client.getById(1)).isEqualTo(V1);
        assertThat(client.lookup("b-value", V2)).isEqualTo(new RegisteredSchema("b-value", 2, 2, V2));
    }

    @Test
    void acceptsABackwardCompatibleEvolution() {
        client.register("a-value", V1);
        assertThat(client.testCompatibility("a-value", V2)).isTrue();
        assertThat(client.register("a-value", V2)).isEqualTo(2);
        assertThat(client.getLatest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, 2, V2));
        assertThat(client.getVersion("a-value", 1)).isEqualTo(new RegisteredSchema("a-value", 1, 1, V1));
        assertThat(client.versions("a-value")).containsExactly(1, 2);
    }

    @Test
    void refusesAnIncompatibleChangeWithConfluents409() {
        client.register("a-value", V2);
        assertThat(client.testCompatibility("a-value", V3_INCOMPATIBLE)).isFalse();
        assertThatThrownBy(() -> client.register("a-value", V3_INCOMPATIBLE))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(RegistryErrorCodes.INCOMPATIBLE_SCHEMA);
                })
                .hasMessageContaining("Schema being registered is incompatible with an earlier schema for subject"
                        + " \"a-value\", details: [BACKWARD: READER_FIELD_MISSING_DEFAULT_VALUE at '/fields/2': size]");
        assertThat(client.versions("a-value")).containsExactly(1);
    }

    @Test
    void compatibilityLevelNoneAcceptsAnyChangeForItsSubjectOnly() {
        client.register("a-value", V2);
        client.register("b-value", V2);
        assertThat(client.globalCompatibility()).isEqualTo("BACKWARD");
        assertThat(client.setCompatibility("a-value", "none")).isEqualTo("NONE");
        assertThat(client.register("a-value", V3_INCOMPATIBLE)).isEqualTo(2);
        assertError(() -> client.register("b-value", V3_INCOMPATIBLE), 409, 409);
        assertError(() -> client.setCompatibility(null, "SIDEWAYS"), 422, RegistryErrorCodes.INVALID_COMPATIBILITY_LEVEL);
    }

    @Test
    void unknownSubjectVersionAndIdAnswerConfluentsCodes() {
        client.register("a-value", V1);
        assertError(() -> client.getLatest("nope-value"), 404, RegistryErrorCodes.SUBJECT_NOT_FOUND);
        assertError(() -> client.lookup("nope-value", V1), 404, RegistryErrorCodes.SUBJECT_NOT_FOUND);
        assertError(() -> client.lookup("a-value", V2), 404, RegistryErrorCodes.SCHEMA_NOT_FOUND);
        assertError(() -> client.getVersion("a-value", 7), 404, RegistryErrorCodes.VERSION_NOT_FOUND);
        assertError(() -> client.getById(999), 404, RegistryErrorCodes.SCHEMA_NOT_FOUND);
        assertThat(client.testCompatibility("nope-value", V1)).as("nothing to be incompatible with").isTrue();
    }

    @Test
    void invalidSchemaAnswers42201InConfluentsShapeAndMediaType() throws Exception {
        HttpResponse<String> answer = post("/subjects/a-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"recrod\\\"}\"}");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        assertThat(answer.body()).startsWith("{\"error_code\":42201,\"message\":\"Invalid schema: ");
        HttpResponse<String> config = send(HttpRequest.newBuilder(URI.create(registry.url() + "/config/a-value")).GET());
        assertThat(config.statusCode()).isEqualTo(404);
        assertThat(config.body()).isEqualTo("{\"error_code\":40408,\"message\":\"Subject 'a-value' does not have"
                + " subject-level compatibility configured\"}");
        assertThat(post("/subjects/a-value/versions", "{\"schema\":\"\\\"long\\\"\"}").body()).isEqualTo("{\"id\":1}");
        assertThat(send(HttpRequest.newBuilder(URI.create(registry.url() + "/schemas/ids/1")).GET()).body())
                .isEqualTo("{\"schema\":\"\\\"long\\\"\"}");
        assertThat(send(HttpRequest.newBuilder(URI.create(registry.url() + "/nowhere")).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void idsAndConfigSurviveARestartAndNewIdsContinueFromTheMax() {
        client.register("a-value", V1);
        client.register("a-value", V2);
        client.setCompatibility("a-value", "NONE");
        registry.close();
        registry = EmbeddedSchemaRegistry.start(store, "127.0.0.1", 0);
        SchemaRegistryClient fresh = new SchemaRegistryClient(registry.url());
        assertThat(fresh.getById(2)).isEqualTo(V2);
        assertThat(fresh.register("a-value", V2)).isEqualTo(2);
        assertThat(fresh.register("a-value", V3_INCOMPATIBLE)).as("NONE was kept").isEqualTo(3);
        assertThat(fresh.register("c-value", V1)).isEqualTo(1);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.httpStatus()).as("HTTP status").isEqualTo(status);
            assertThat(e.errorCode()).as("error_code").isEqualTo(code);
        });
    }
}
