package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.embedded.BrokerState;
import io.qps.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qps up --secure}: SASL/SCRAM-SHA-512 and ACLs on the embedded broker. The whole flow (generate, publish,
 * live, replay, verify) passes with only {@code --config client-secure.properties}; a wrong password and a user
 * without ACLs each end a command with one line within 10 s.
 */
class SecuredClusterIT {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @AfterEach
    void stopEverything() {
        CliRun.run("down", "--data-dir", dir.toString());
    }

    @Test
    void theFlowPassesWithCredentialsAndAccessFailuresAreOneLineWithinTenSeconds() throws Exception {
        CliRun up = CliRun.run("up", "--secure", "--data-dir", dir.toString(), "--kafka-port", "0",
                "--controller-port", "0", "--registry-port", "0");
        assertThat(up.exit()).as(up.err()).isZero();
        Path config = dir.toAbsolutePath().resolve("client-secure.properties");
        BrokerState broker = BrokerState.read(dir.resolve("kafka")).orElseThrow();
        String bootstrap = broker.bootstrapServers();
        assertThat(broker.secure()).isTrue();
        assertThat(up.out()).contains("listener SASL_PLAINTEXT (SCRAM-SHA-512, ACLs enforced)")
                .contains("use them with: qps --config " + config + " <command>");
        Properties client = load(config);
        assertThat(client.getProperty("bootstrap.servers")).isEqualTo(bootstrap);
        assertThat(client.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(client.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(client.getProperty("sasl.jaas.config")).contains("username=\"qps\"");

        CliRun status = CliRun.run("status", "--data-dir", dir.toString(), "--config", config.toString());
        assertThat(status.exit()).as(status.out()).isZero();
        assertThat(status.out()).contains("listener SASL_PLAINTEXT").contains("cluster id " + broker.clusterId());

        CliRun plain = CliRun.run("status", "--data-dir", dir.toString(), "--bootstrap", bootstrap,
                "--registry-url", client.getProperty("schema.registry.url"));
        assertThat(plain.exit()).as("a client without SASL is not let in").isEqualTo(3);

        flowPasses(config);
        wrongPasswordIsOneLine(config, bootstrap);
        userWithoutAclsIsOneLine(config, bootstrap);
    }

    private void flowPasses(Path config) {
        Path dataset = dir.resolve("7-1d.qpsd");
        String c = config.toString();
        assertThat(CliRun.run("--config", c, "generate", "--days", "1", "--seed", "7", "--density", "0.02", "--out",
                dataset.toString()).exit()).isZero();
        CliRun publish = CliRun.run("--config", c, "publish", "--session-id", "sec", "--dataset",
                dataset.toString(), "--partitions", "3");
        assertThat(publish.exit()).as(publish.err()).isZero();
        String data = dir.resolve("run").toString();
        CliRun live = CliRun.run("--config", c, "live", "--session-id", "sec", "--attach", "--data-dir", data);
        assertThat(live.exit()).as(live.err()).isZero();
        assertThat(live.out()).contains("run live of session sec: COMPLETE");
        CliRun replay = CliRun.run("--config", c, "replay", "--session-id", "sec", "--data-dir", data);
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("run replay-1 of session sec: COMPLETE");
        CliRun verify = CliRun.run("--config", c, "verify", "--session", "sec", "--dataset", dataset.toString(),
                "--out", dir.resolve("verify").toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("live = replay = reference engine: PASS");
    }

    private void wrongPasswordIsOneLine(Path config, String bootstrap) throws IOException {
        Path wrong = dir.resolve("wrong.properties");
        Files.writeString(wrong, Files.readString(config).replaceAll("password=\"[^\"]*\"", "password=\"nope\""));
        long start = System.nanoTime();
        CliRun publish = CliRun.run("--config", wrong.toString(), "publish", "--session-id", "sec2", "--dataset",
                dir.resolve("7-1d.qpsd").toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(publish.exit()).isEqualTo(1);
        assertThat(publish.err()).isEqualTo("qps publish: error: authentication failed for user qps at " + bootstrap
                + ": check sasl.jaas.config in " + wrong + System.lineSeparator());
        assertThat(took).isLessThan(BOUND);
    }

    private void userWithoutAclsIsOneLine(Path config, String bootstrap) throws Exception {
        Properties admin = load(dir.resolve("kafka").resolve(EmbeddedKafka.ADMIN_CONFIG));
        Map<String, Object> props = new HashMap<>();
        admin.stringPropertyNames().forEach(k -> props.put(k, admin.getProperty(k)));
        try (Admin a = Admin.create(props)) {
            a.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("noacl",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "noacl-password")))
                    .all().get(30, TimeUnit.SECONDS);
        }
        Path noAcl = dir.resolve("noacl.properties");
        Files.writeString(noAcl, Files.readString(config).replaceAll("username=\"qps\" password=\"[^\"]*\"",
                "username=\"noacl\" password=\"noacl-password\""));
        for (String command : List.of("replay", "live")) {
            List<String> args = command.equals("live")
                    ? List.of("--config", noAcl.toString(), "live", "--session-id", "sec", "--attach")
                    : List.of("--config", noAcl.toString(), "replay", "--session-id", "sec");
            long start = System.nanoTime();
            CliRun run = CliRun.run(args.toArray(new String[0]));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("qps " + command + ": error: user noacl is not authorized to describe"
                    + " topics qps.runs, qps.sec.ticks, qps.sessions at " + bootstrap + ": grant ACLs (see README,"
                    + " 'Secured cluster')" + System.lineSeparator());
            assertThat(took).isLessThan(BOUND);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
