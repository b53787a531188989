package io.qps.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) in a separate background JVM.
 *
 * <p>Layout of the data folder: {@code server.properties} (rewritten on every start), {@code data/} (log segments and
 * the metadata log, formatted once with {@code kafka.tools.StorageTool format --standalone}), {@code logs/server.log}
 * (the broker's output, appended), {@code broker.state} (pid and ports while it runs) and, for a secured broker,
 * {@value BrokerSecurity#FILE_NAME} (its users' passwords) and {@value #ADMIN_CONFIG} (client properties of the super
 * user, for the schema registry and operators). Because the state is on
 * disk, a different {@code EmbeddedKafka} instance, in another process, over the same folder can probe and stop a
 * broker this one started.
 *
 * <p>Not thread-safe; one instance per folder and caller.
 */
public final class EmbeddedKafka {
    /** The service name in the broker JVM's marker option ({@link BackgroundJvm#marker}). */
    static final String SERVICE = "kafka";
    /** File name, in the data folder, of the super user's client properties (secured broker only). */
    public static final String ADMIN_CONFIG = "admin-client.properties";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_TAIL_LINES = 25;

    private final EmbeddedKafkaConfig config;
    private final Path dataDir;

    /**
     * @param config how to run it
     */
    public EmbeddedKafka(EmbeddedKafkaConfig config) {
        this.config = config;
        this.dataDir = config.dataDir().toAbsolutePath().normalize();
    }

    /** @return the configuration */
    public EmbeddedKafkaConfig config() {
        return config;
    }

    /** @return the absolute data folder */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the broker's output log file */
    public Path logFile() {
        return dataDir.resolve("logs").resolve("server.log");
    }

    /** @return the recorded state of a broker started from this folder, if any */
    public Optional<BrokerState> state() {
        return BrokerState.read(dataDir);
    }

    /** @return the super user's client properties file of a secured broker (written at start) */
    public Path adminConfigFile() {
        return dataDir.resolve(ADMIN_CONFIG);
    }

    /**
     * @return the credentials of this folder's secured broker, if it was formatted with {@code secure}
     */
    public Optional<BrokerSecurity> security() {
        return BrokerSecurity.read(dataDir);
    }

    /**
     * @param state a running broker's state
     * @return admin client properties that reach it: the super user's SASL settings if it is secured
     */
    public Map<String, String> adminClientProperties(BrokerState state) {
        if (!state.secure()) {
            return Map.of("bootstrap.servers", state.bootstrapServers());
        }
        BrokerSecurity security = security().orElseThrow(() -> new EmbeddedKafkaException("the broker from "
                + dataDir + " runs secured but " + dataDir.resolve(BrokerSecurity.FILE_NAME) + " is missing"));
        return security.adminClientProperties(state.bootstrapServers());
    }

    /**
     * @return {@code 127.0.0.1:port} of the running broker, or of the configured port if none runs
     */
    public String bootstrapServers() {
        return state().map(BrokerState::bootstrapServers).orElse(Ports.LOOPBACK + ":" + config.port());
    }

    /**
     * Formats the data folder if needed, starts the broker and waits until it answers. If a broker from this folder
     * already runs and answers, returns its state without starting another.
     *
     * @return pid, ports and cluster id of the running broker
     * @throws EmbeddedKafkaException if a port is taken, formatting fails, or the broker does not answer in time
     *                                (the message's first line names the log file, the lines after it
     *                                are the log's tail)
     */
    public BrokerState start() {
        createDirectories(dataDir);
        Optional<BrokerState> existing = state();
        if (existing.isPresent() && BackgroundJvm.live(existing.get().pid(), SERVICE).isPresent()) {
            if (existing.get().secure() != config.secure()) {
                throw new EmbeddedKafkaException("a broker (pid " + existing.get().pid() + ") from " + dataDir
                        + " already runs " + (existing.get().secure() ? "with" : "without") + " --secure; stop it"
                        + " with 'qps down' first");
            }
            KafkaProbe.Result probe = KafkaProbe.probe(adminClientProperties(existing.get()), PROBE_TIMEOUT);
            if (probe.up()) {
                if (config.secure()) {
                    grantAppUserAcls(existing.get());
                }
                return existing.get();
            }
            throw new EmbeddedKafkaException("a broker process (pid " + existing.get().pid() + ") from " + dataDir
                    + " runs but does not answer at " + existing.get().bootstrapServers() + ": " + probe.error()
                    + "; stop it first");
        }
        BrokerState.delete(dataDir);
        int port = config.port() == 0 ? Ports.freePort() : config.port();
        int controllerPort = config.controllerPort() == 0 ? freePortOtherThan(port) : config.controllerPort();
        Ports.requireFree(port, "Kafka listener");
        Ports.requireFree(controllerPort, "KRaft controller listener");
        BrokerSecurity security = config.secure() ? securityForStart() : null;
        Path properties = writeServerProperties(port, controllerPort, security);
        String clusterId = formatIfNeeded(properties, security);
        Process process = BackgroundJvm.start(brokerCommand(properties), dataDir, logFile());
        BrokerState started = new BrokerState(process.pid(), port, controllerPort, clusterId, security != null);
        started.write(dataDir);
        awaitReady(process, started);
        if (security != null) {
            BrokerSecurity.writeProperties(adminConfigFile(), "Kafka client properties of the embedded broker's"
                    + " super user (" + BrokerSecurity.ADMIN_USER + ")",
                    security.adminClientProperties(started.bootstrapServers()));
            grantAppUserAcls(started);
        }
        return started;
    }

    /**
     * Stops the broker started from this folder: SIGTERM, up to 30 s for a clean shutdown, then SIGKILL; returns
     * once the process has ended and removes the state file.
     *
     * @return true if a broker was running and has been stopped, false if none was running
     */
    public boolean stop() {
        Optional<BrokerState> recorded = state();
        if (recorded.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = BackgroundJvm.live(recorded.get().pid(), SERVICE);
        boolean wasRunning = process.isPresent();
        if (wasRunning) {
            BackgroundJvm.terminate(process.get(), STOP_GRACE);
        }
        BrokerState.delete(dataDir);
        return wasRunning;
    }

    /**
     * @return whether the recorded broker process is alive and answers {@code describeCluster} within 3 seconds
     */
    public BrokerStatus status() {
        Optional<BrokerState> recorded = state();
        if (recorded.isEmpty()) {
            return new BrokerStatus(false, false, recorded, "not started from " + dataDir);
        }
        if (BackgroundJvm.live(recorded.get().pid(), SERVICE).isEmpty()) {
            return new BrokerStatus(false, false, recorded,
                    "process " + recorded.get().pid() + " has ended (stale state file); see " + logFile());
        }
        KafkaProbe.Result probe = KafkaProbe.probe(adminClientProperties(recorded.get()), PROBE_TIMEOUT);
        return new BrokerStatus(true, probe.up(), recorded,
                probe.up() ? "cluster " + probe.clusterId() : "not answering: " + probe.error());
    }

    /**
     * The credentials a secured start uses: those kept in the folder, or new ones if the folder is not formatted
     * yet (they go into the metadata log when it is).
     */
    private BrokerSecurity securityForStart() {
        Optional<BrokerSecurity> kept = security();
        if (kept.isPresent()) {
            return kept.get();
        }
        if (Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            throw new EmbeddedKafkaException(dataDir + " was formatted without --secure, so its metadata holds no"
                    + " SCRAM users; use another --data-dir for the secured broker (or delete " + dataDir
                    + " to start over)");
        }
        BrokerSecurity fresh = BrokerSecurity.generate();
        fresh.write(dataDir);
        return fresh;
    }

    /** Creates the application user's ACLs ({@link AppUserAcls}); creating an existing ACL is a no-op. */
    private void grantAppUserAcls(BrokerState state) {
        Map<String, Object> props = new HashMap<>(adminClientProperties(state));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "qps-embedded-acls");
        try (Admin admin = Admin.create(props)) {
            admin.createAcls(AppUserAcls.forUser(BrokerSecurity.APP_USER)).all()
                    .get(PROBE_TIMEOUT.toSeconds() * 5, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new EmbeddedKafkaException("cannot create the ACLs of user " + BrokerSecurity.APP_USER + " on the"
                    + " broker at " + state.bootstrapServers() + ": " + e.getMessage() + "; see " + logFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while creating ACLs", e);
        }
    }

    private Path writeServerProperties(int port, int controllerPort, BrokerSecurity security) {
        Path file = dataDir.resolve("server.properties");
        String text = ServerProperties.render(ServerProperties.of(dataDir.resolve("data"), port, controllerPort,
                security));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private String formatIfNeeded(Path properties, BrokerSecurity security) {
        Path meta = dataDir.resolve("data").resolve("meta.properties");
        if (!Files.exists(meta)) {
            String clusterId = Uuid.randomUuid().toString();
            List<String> arguments = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--standalone",
                    "--config", properties.toString()));
            if (security != null) {
                arguments.addAll(security.formatArguments());
            }
            List<String> command = BackgroundJvm.command(List.of("-Xmx256m"), brokerClasspath(),
                    "kafka.tools.StorageTool", arguments);
            int exit = BackgroundJvm.run(command, dataDir, logFile(), FORMAT_TIMEOUT);
            if (exit != 0 || !Files.exists(meta)) {
                throw new EmbeddedKafkaException("formatting " + dataDir.resolve("data") + " failed (exit " + exit
                        + "); see " + logFile() + logTail());
            }
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return p.getProperty("cluster.id", "");
    }

    private List<String> brokerCommand(Path properties) {
        List<String> jvm = new ArrayList<>(List.of(BackgroundJvm.marker(SERVICE),
                "-Xmx" + config.maxHeap(), "-Xms" + minHeap(),
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn"));
        if (config.stopWithParent()) {
            return BackgroundJvm.command(jvm, brokerClasspath(), BrokerMain.class.getName(),
                    List.of(Long.toString(ProcessHandle.current().pid()), properties.toString()));
        }
        return BackgroundJvm.command(jvm, brokerClasspath(), "kafka.Kafka", List.of(properties.toString()));
    }

    private String brokerClasspath() {
        return BrokerClasspath.complete(config.classpath());
    }

    private String minHeap() {
        return config.maxHeap().matches("[0-9]+[kK]?") ? config.maxHeap() : "64m";
    }

    private void awaitReady(Process process, BrokerState started) {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                BrokerState.delete(dataDir);
                throw new EmbeddedKafkaException("the Kafka broker exited during start-up (exit "
                        + process.exitValue() + "); see " + logFile() + logTail());
            }
            KafkaProbe.Result probe = KafkaProbe.probe(adminClientProperties(started), Duration.ofSeconds(2));
            if (probe.up()) {
                return;
            }
            lastError = probe.error();
            sleep(Duration.ofMillis(200));
        }
        BackgroundJvm.terminate(process.toHandle(), Duration.ofSeconds(10));
        BrokerState.delete(dataDir);
        throw new EmbeddedKafkaException("the Kafka broker did not answer at " + started.bootstrapServers()
                + " within " + config.startTimeout().toSeconds() + " s (" + lastError + "); see " + logFile()
                + logTail());
    }

    private String logTail() {
        return "\n--- last lines of " + logFile() + " ---\n" + LogTail.of(logFile(), LOG_TAIL_LINES);
    }

    private static int freePortOtherThan(int port) {
        int candidate = Ports.freePort();
        while (candidate == port) {
            candidate = Ports.freePort();
        }
        return candidate;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for the broker", e);
        }
    }
}
