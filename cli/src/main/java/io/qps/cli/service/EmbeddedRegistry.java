package io.qps.cli.service;

import io.qps.cli.CliException;
import io.qps.cli.RegistryProbe;
import io.qps.embedded.BackgroundJvm;
import io.qps.embedded.EmbeddedService;
import io.qps.embedded.Ports;
import io.qps.embedded.ServiceStatus;
import io.qps.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded schema registry ({@link EmbeddedSchemaRegistry#main}) as a background JVM started from the CLI's
 * class path, listening on 127.0.0.1 and keeping its schemas in the Kafka cluster whose bootstrap servers it is given
 * at start (the embedded broker's, started before it).
 *
 * <p>Its folder holds {@code registry.state} (pid, port, bootstrap servers while it runs) and {@code registry.log} (its
 * output, appended). It counts as up only if the recorded process is alive, carries the marker
 * {@code -Dqps.service=schema-registry}, and answers {@code GET /subjects} within 3 s. Not thread-safe.
 */
public final class EmbeddedRegistry implements EmbeddedService {
    /** The service name: in {@code qps status}, and in the JVM's marker option. */
    public static final String NAME = "schema-registry";
    /** Default HTTP port. */
    public static final int DEFAULT_PORT = EmbeddedSchemaRegistry.DEFAULT_PORT;
    /** Default JVM maximum heap: the registry holds a few schemas and one Kafka producer and consumer. */
    public static final String DEFAULT_MAX_HEAP = "128m";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 15;

    private final Settings settings;
    private final Path dir;
    private final Supplier<String> bootstrapServers;
    private final Supplier<Optional<Path>> kafkaConfig;

    /**
     * How to run the registry.
     *
     * @param dir folder for its state file and log; created at start
     * @param port HTTP port on 127.0.0.1, 0 for a free one chosen at start
     * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 128m}
     * @param classpath class path containing {@code qps-registry} and its dependencies
     * @param startTimeout how long {@link #start()} waits for {@code GET /subjects} to answer
     */
    public record Settings(Path dir, int port, String maxHeap, String classpath, Duration startTimeout) {
        /** Validates the values. */
        public Settings {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(classpath, "classpath");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("registry port must be 0..65535: " + port);
            }
            if (!maxHeap.matches("[0-9]+[kKmMgG]?")) {
                throw new IllegalArgumentException("registry heap must look like 128m or 1g: " + maxHeap);
            }
        }

        /**
         * @param dir the registry's folder
         * @param port its port (0 = free)
         * @return default heap, this JVM's class path, 60 s start timeout
         */
        public static Settings of(Path dir, int port) {
            return new Settings(dir, port, DEFAULT_MAX_HEAP, BackgroundJvm.currentClasspath(),
                    Duration.ofSeconds(60));
        }
    }

    /**
     * @param settings how to run it
     * @param bootstrapServers asked at start for the Kafka cluster to keep the schemas in
     */
    public EmbeddedRegistry(Settings settings, Supplier<String> bootstrapServers) {
        this(settings, bootstrapServers, Optional::empty);
    }

    /**
     * @param settings how to run it
     * @param bootstrapServers asked at start for the Kafka cluster to keep the schemas in
     * @param kafkaConfig asked at start for a Kafka client properties file the registry's clients use (the super
     *                    user's SASL settings of a secured broker), if any
     */
    public EmbeddedRegistry(Settings settings, Supplier<String> bootstrapServers,
                            Supplier<Optional<Path>> kafkaConfig) {
        this.settings = settings;
        this.dir = settings.dir().toAbsolutePath().normalize();
        this.bootstrapServers = bootstrapServers;
        this.kafkaConfig = kafkaConfig;
    }

    /** @return the registry's output log */
    public Path logFile() {
        return dir.resolve("registry.log");
    }

    /** @return the recorded state of a registry started from this folder, if any */
    public Optional<RegistryState> state() {
        return RegistryState.read(dir);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Starts the registry unless one from this folder already answers, and waits until {@code GET /subjects}
     * answers.
     *
     * @throws CliException if the port is taken, or the registry exits or does not answer in time (the first line
     *                      names the cause and the log, the lines after it are the log's tail)
     */
    @Override
    public ServiceStatus start() {
        createDirectory();
        Optional<RegistryState> existing = state();
        if (existing.isPresent() && BackgroundJvm.live(existing.get().pid(), NAME).isPresent()) {
            RegistryProbe.Result probe = RegistryProbe.probe(existing.get().url(), PROBE_TIMEOUT);
            if (probe.up()) {
                return upStatus(existing.get());
            }
            throw new CliException(CliException.FAILED, "a registry process (pid " + existing.get().pid()
                    + ") from " + dir + " runs but does not answer at " + existing.get().url() + ": "
                    + probe.detail() + "; stop it first with 'qps down'");
        }
        RegistryState.delete(dir);
        int port = settings.port() == 0 ? Ports.freePort() : settings.port();
        Ports.requireFree(port, "schema registry");
        String bootstrap = bootstrapServers.get();
        Process process = BackgroundJvm.start(command(bootstrap, port, kafkaConfig.get()), dir, logFile());
        RegistryState started = new RegistryState(process.pid(), port, bootstrap);
        started.write(dir);
        awaitReady(process, started);
        return upStatus(started);
    }

    /**
     * Stops the registry started from this folder: SIGTERM, up to 30 s, then SIGKILL; returns once it has ended and
     * removes the state file.
     */
    @Override
    public boolean stop() {
        Optional<RegistryState> recorded = state();
        if (recorded.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = BackgroundJvm.live(recorded.get().pid(), NAME);
        process.ifPresent(handle -> BackgroundJvm.terminate(handle, STOP_GRACE));
        RegistryState.delete(dir);
        return process.isPresent();
    }

    @Override
    public ServiceStatus status() {
        Optional<RegistryState> recorded = state();
        String configuredUrl = "http://" + Ports.LOOPBACK + ":" + settings.port();
        if (recorded.isEmpty()) {
            return new ServiceStatus(NAME, false, configuredUrl, "not started from " + dir);
        }
        RegistryState state = recorded.get();
        if (BackgroundJvm.live(state.pid(), NAME).isEmpty()) {
            return new ServiceStatus(NAME, false, state.url(), "process " + state.pid()
                    + " has ended (stale state file); see " + logFile());
        }
        RegistryProbe.Result probe = RegistryProbe.probe(state.url(), PROBE_TIMEOUT);
        return probe.up() ? upStatus(state)
                : new ServiceStatus(NAME, false, state.url(), "process " + state.pid() + " runs but "
                        + probe.detail() + "; see " + logFile());
    }

    /**
     * @param bootstrap Kafka bootstrap servers for the schemas topic
     * @param port HTTP port
     * @return the registry JVM's command line, the marker first
     */
    List<String> command(String bootstrap, int port) {
        return command(bootstrap, port, Optional.empty());
    }

    /**
     * @param bootstrap Kafka bootstrap servers for the schemas topic
     * @param port HTTP port
     * @param kafkaConfig Kafka client properties file for the registry's clients, if any
     * @return the registry JVM's command line, the marker first
     */
    List<String> command(String bootstrap, int port, Optional<Path> kafkaConfig) {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap", bootstrap, "--host", Ports.LOOPBACK,
                "--port", Integer.toString(port)));
        kafkaConfig.ifPresent(file -> arguments.addAll(List.of("--kafka-config", file.toString())));
        List<String> jvm = List.of(BackgroundJvm.marker(NAME), "-Xmx" + settings.maxHeap(), "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
        return BackgroundJvm.command(jvm, settings.classpath(), EmbeddedSchemaRegistry.class.getName(), arguments);
    }

    private ServiceStatus upStatus(RegistryState state) {
        return new ServiceStatus(NAME, true, state.url(), "pid " + state.pid() + ", kafka "
                + state.bootstrapServers() + ", log " + logFile());
    }

    private void awaitReady(Process process, RegistryState started) {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                RegistryState.delete(dir);
                throw failure("the schema registry exited during start-up (exit " + process.exitValue() + ")");
            }
            RegistryProbe.Result probe = RegistryProbe.probe(started.url(), Duration.ofSeconds(2));
            if (probe.up()) {
                return;
            }
            lastError = probe.detail();
            sleep();
        }
        BackgroundJvm.terminate(process.toHandle(), Duration.ofSeconds(10));
        RegistryState.delete(dir);
        throw failure("the schema registry did not answer at " + started.url() + " within "
                + settings.startTimeout().toSeconds() + " s (" + lastError + ")");
    }

    private CliException failure(String what) {
        String tail = BackgroundJvm.logTail(logFile(), LOG_TAIL_LINES);
        String cause = tail.lines().filter(line -> line.regionMatches(true, 0, "error: ", 0, 7))
                .reduce((a, b) -> b).map(line -> ": " + line.substring(7)).orElse("");
        return new CliException(CliException.FAILED, what + cause + "; see " + logFile()
                + "\n--- last lines of " + logFile() + " ---\n" + tail);
    }

    private void createDirectory() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted while waiting for the schema registry", e);
        }
    }
}
