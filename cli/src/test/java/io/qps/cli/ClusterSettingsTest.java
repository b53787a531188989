package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.cli.ClusterSettings.Source;
import io.qps.producer.session.TopicSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {
    @TempDir
    Path dir;

    private Path configFile(String text) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        ClusterSettings s = ClusterSettings.resolve(null, null, null, Map.of());
        assertThat(s).isEqualTo(new ClusterSettings("localhost:9092", Source.DEFAULT, "http://localhost:8081",
                Source.DEFAULT, Optional.empty(), Map.of(), TopicSettings.DEFAULTS));
        assertThat(s.kafkaClientProperties()).containsExactly(Map.entry("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void configFileBeatsDefaultAndCarriesSecuritySettings() throws Exception {
        Path file = configFile("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081/\n"
                + "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nssl.truststore.location=/etc/ts.jks\n");
        ClusterSettings s = ClusterSettings.resolve(null, null, file, Map.of());
        assertThat(s.bootstrapServers()).isEqualTo("file:9092");
        assertThat(s.bootstrapSource()).isEqualTo(Source.CONFIG_FILE);
        assertThat(s.registryUrl()).isEqualTo("http://file:8081");
        assertThat(s.registrySource()).isEqualTo(Source.CONFIG_FILE);
        assertThat(s.clientConfigFile()).contains(file);
        assertThat(s.kafkaClientProperties()).containsExactly(
                Map.entry("bootstrap.servers", "file:9092"),
                Map.entry("sasl.mechanism", "PLAIN"),
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("ssl.truststore.location", "/etc/ts.jks"));
    }

    @Test
    void environmentBeatsConfigFileAndNamesTheFile() throws Exception {
        Path file = configFile("bootstrap.servers=file:9092\nschema.registry.url=http://file:8081\n");
        Map<String, String> env = Map.of("QPS_BOOTSTRAP", "env:9092", "QPS_REGISTRY_URL", "https://env:8081",
                "QPS_CLIENT_CONFIG", file.toString());
        ClusterSettings s = ClusterSettings.resolve(null, null, null, env);
        assertThat(s.bootstrapServers()).isEqualTo("env:9092");
        assertThat(s.bootstrapSource()).isEqualTo(Source.ENVIRONMENT);
        assertThat(s.registryUrl()).isEqualTo("https://env:8081");
        assertThat(s.registrySource()).isEqualTo(Source.ENVIRONMENT);
        assertThat(s.clientConfigFile()).contains(file);
    }

    @Test
    void flagsBeatEverything() throws Exception {
        Path envFile = configFile("bootstrap.servers=envfile:9092\n");
        Path flagFile = dir.resolve("flag.properties");
        Files.writeString(flagFile, "security.protocol=SSL\n");
        Map<String, String> env = Map.of("QPS_BOOTSTRAP", "env:9092", "QPS_REGISTRY_URL", "http://env:8081",
                "QPS_CLIENT_CONFIG", envFile.toString());
        ClusterSettings s = ClusterSettings.resolve("flag:9092", "http://flag:8081", flagFile, env);
        assertThat(s).isEqualTo(new ClusterSettings("flag:9092", Source.FLAG, "http://flag:8081", Source.FLAG,
                Optional.of(flagFile), Map.of("security.protocol", "SSL"), TopicSettings.DEFAULTS));
    }

    @Test
    void blankValuesCountAsAbsent() {
        ClusterSettings s = ClusterSettings.resolve("  ", null, null, Map.of("QPS_BOOTSTRAP", "",
                "QPS_CLIENT_CONFIG", " "));
        assertThat(s.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(s.bootstrapSource()).isEqualTo(Source.DEFAULT);
        assertThat(s.clientConfigFile()).isEmpty();
    }

    @Test
    void missingConfigFileIsAUsageError() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, missing, Map.of()))
                .isInstanceOf(CliException.class)
                .hasMessage("client config file not found: " + missing)
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void registryUrlMustBeHttp() {
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, null,
                Map.of("QPS_REGISTRY_URL", "localhost:8081")))
                .isInstanceOf(CliException.class)
                .hasMessage("invalid registry URL 'localhost:8081' (from QPS_REGISTRY_URL): it must start with"
                        + " http:// or https://");
    }

    @Test
    void topicSettingsComeFromFlagsElseTheConfigFile() throws Exception {
        Path file = configFile("replication.factor=3\nmin.insync.replicas=2\nsecurity.protocol=SSL\n");
        ClusterSettings fromFile = ClusterSettings.resolve(null, null, file, Map.of());
        assertThat(fromFile.topics()).isEqualTo(TopicSettings.of(3, 2));
        assertThat(fromFile.kafkaClientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol");
        ClusterSettings flags = ClusterSettings.resolve(null, null, file, 5, 3, Map.of());
        assertThat(flags.topics()).isEqualTo(TopicSettings.of(5, 3));
        assertThat(ClusterSettings.resolve(null, null, null, Map.of()).topics()).isEqualTo(TopicSettings.DEFAULTS);
    }

    @Test
    void impossibleTopicSettingsAreOneLineErrorsNamingTheirOrigin() throws Exception {
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, null, 2, 3, Map.of()))
                .isInstanceOf(CliException.class)
                .hasMessage("--min-insync-replicas 3 exceeds --replication-factor 2: no write with acks=all could"
                        + " succeed");
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, null, null, 2, Map.of()))
                .hasMessage("--min-insync-replicas 2 needs --replication-factor (or replication.factor in the client"
                        + " config file) of at least 2");
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, null, 0, null, Map.of()))
                .hasMessage("--replication-factor must be within 1..32767, was 0");
        Path file = configFile("replication.factor=three\n");
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, file, Map.of()))
                .hasMessage("replication.factor in " + file + " must be a whole number, was 'three'");
        Path low = dir.resolve("low.properties");
        Files.writeString(low, "replication.factor=1\n");
        assertThatThrownBy(() -> ClusterSettings.resolve(null, null, low, null, 2, Map.of()))
                .hasMessage("--min-insync-replicas 2 exceeds replication.factor in " + low + " 1: no write with"
                        + " acks=all could succeed");
    }

    @Test
    void registryKeysGoToTheRegistryClientOnly() throws Exception {
        Path file = configFile("schema.registry.url=https://reg:8081\nbasic.auth.credentials.source=USER_INFO\n"
                + "basic.auth.user.info=u:p\nschema.registry.ssl.truststore.location=/ts.p12\n"
                + "security.protocol=SASL_SSL\n");
        ClusterSettings s = ClusterSettings.resolve(null, null, file, Map.of());
        assertThat(s.kafkaClientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol");
        assertThat(s.registryClientProperties()).isEqualTo(Map.of("schema.registry.url", "https://reg:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "u:p",
                "schema.registry.ssl.truststore.location", "/ts.p12"));
    }
}
