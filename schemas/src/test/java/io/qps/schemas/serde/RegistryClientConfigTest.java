package io.qps.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.schemas.registry.RegistryTls;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent's registry client keys: {@code basic.auth.credentials.source} with {@code basic.auth.user.info} or the
 * URL's user info, and {@code schema.registry.ssl.*} turned into an {@link SSLContext}. The headers they send are
 * checked in {@code SchemaRegistryClientTest}, the real 401 answer against the embedded registry.
 */
class RegistryClientConfigTest {
    @TempDir
    Path dir;

    @Test
    void credentialSourceDefaultsAndRefusals() {
        assertThat(AvroSerdeConfig.userInfo(Map.of())).isNull();
        assertThat(AvroSerdeConfig.userInfo(Map.of("schema.registry.basic.auth.user.info", "u:p"))).isEqualTo("u:p");
        assertThatThrownBy(() -> AvroSerdeConfig.userInfo(Map.of("basic.auth.credentials.source", "USER_INFO")))
                .hasMessage("basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=user:password");
        assertThatThrownBy(() -> AvroSerdeConfig.userInfo(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
                .hasMessage("unsupported basic.auth.credentials.source 'SASL_INHERIT': use URL (credentials in"
                        + " schema.registry.url) or USER_INFO (with basic.auth.user.info)");
    }

    @Test
    void sslKeysBuildAnSslContext() throws Exception {
        Path trust = store("trust.p12", "trustpw");
        Path keys = store("keys.p12", "keypw");
        Map<String, String> config = Map.of("schema.registry.url", "https://registry.example:8081",
                "schema.registry.ssl.truststore.location", trust.toString(),
                "schema.registry.ssl.truststore.password", "trustpw",
                "schema.registry.ssl.truststore.type", "PKCS12",
                "schema.registry.ssl.keystore.location", keys.toString(),
                "schema.registry.ssl.keystore.password", "keypw",
                "schema.registry.ssl.keystore.type", "PKCS12",
                "schema.registry.ssl.protocol", "TLSv1.3");
        RegistryTls tls = AvroSerdeConfig.tls(config);
        assertThat(tls.isDefault()).isFalse();
        assertThat(tls.truststore()).hasValueSatisfying(s -> assertThat(s.type()).isEqualTo("PKCS12"));
        SSLContext context = tls.sslContext();
        assertThat(context.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(AvroSerdeConfig.client(config).url()).isEqualTo("https://registry.example:8081");
        assertThat(AvroSerdeConfig.tls(Map.of()).isDefault()).isTrue();
    }

    @Test
    void aWrongTruststorePasswordIsOneLineNamingTheKey() throws Exception {
        Path trust = store("trust.p12", "trustpw");
        assertThatThrownBy(() -> AvroSerdeConfig.client(Map.of("schema.registry.url", "https://r:8081",
                "schema.registry.ssl.truststore.location", trust.toString(),
                "schema.registry.ssl.truststore.password", "wrong",
                "schema.registry.ssl.truststore.type", "PKCS12")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot load schema.registry.ssl.truststore.location '" + trust + "' (type"
                        + " PKCS12): ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> AvroSerdeConfig.client(Map.of("schema.registry.url", "https://r:8081",
                "schema.registry.ssl.truststore.location", dir.resolve("missing.jks").toString())))
                .hasMessage("schema.registry.ssl.truststore.location '" + dir.resolve("missing.jks")
                        + "' is not a readable file");
    }

    private Path store(String name, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
