package io.qps.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way integration tests get a real Kafka broker: a Testcontainers {@code apache/kafka} container when a
 * Docker engine is available, otherwise an {@link EmbeddedKafka} child JVM on free loopback ports in a temporary
 * folder. The same test code serves both.
 *
 * <p>The system property {@code qps.fixture} ({@code embedded} or {@code testcontainers}) forces a mode;
 * {@code qps.kafka.image} overrides the container image (default {@code apache/kafka:<kafka-clients version>}).
 */
public final class KafkaFixture implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KafkaFixture.class.getName());
    private static KafkaFixture shared;

    /** Where the broker of a fixture runs. */
    public enum Mode {
        /** A Testcontainers {@code apache/kafka} container. */
        TESTCONTAINERS,
        /** An {@link EmbeddedKafka} child process. */
        EMBEDDED
    }

    private final Mode mode;
    private final String bootstrapServers;
    private final KafkaContainer container;
    private final EmbeddedKafka embedded;
    private final boolean owned;
    private boolean closed;

    private KafkaFixture(Mode mode, String bootstrapServers, KafkaContainer container, EmbeddedKafka embedded,
                         boolean owned) {
        this.mode = mode;
        this.bootstrapServers = bootstrapServers;
        this.container = container;
        this.embedded = embedded;
        this.owned = owned;
    }

    /**
     * Starts a broker owned by the caller, who must {@link #close()} it.
     *
     * @return a running broker
     */
    public static KafkaFixture start() {
        return start(true);
    }

    /**
     * The broker shared by all tests of this JVM: started on first use, stopped by a shutdown hook.
     * {@link #close()} on it does nothing.
     *
     * @return the shared running broker
     */
    public static synchronized KafkaFixture shared() {
        if (shared == null) {
            KafkaFixture fixture = start(false);
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::shutdown, "qps-kafka-fixture-shutdown"));
            shared = fixture;
        }
        return shared;
    }

    private static KafkaFixture start(boolean owned) {
        Mode mode = chooseMode();
        if (mode == Mode.TESTCONTAINERS) {
            String image = System.getProperty("qps.kafka.image", "apache/kafka:" + AppInfoParser.getVersion());
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(image))
                    .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
            container.start();
            LOG.log(System.Logger.Level.INFO, "KafkaFixture: Testcontainers {0} at {1}", image,
                    container.getBootstrapServers());
            return new KafkaFixture(mode, container.getBootstrapServers(), container, null, owned);
        }
        Path dir = tempDir();
        EmbeddedKafka kafka = new EmbeddedKafka(EmbeddedKafkaConfig.ephemeral(dir));
        try {
            BrokerState state = kafka.start();
            LOG.log(System.Logger.Level.INFO, "KafkaFixture: no Docker engine; embedded KRaft broker pid {0} at {1}"
                    + " in {2}", String.valueOf(state.pid()), state.bootstrapServers(), dir);
            return new KafkaFixture(mode, state.bootstrapServers(), null, kafka, owned);
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    /** @return which kind of broker this fixture runs */
    public Mode mode() {
        return mode;
    }

    /** @return bootstrap servers for clients, e.g. {@code 127.0.0.1:40123} */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** @return the embedded broker's state (pid, ports) in {@link Mode#EMBEDDED}, empty otherwise */
    public Optional<BrokerState> embeddedState() {
        return embedded == null ? Optional.empty() : embedded.state();
    }

    /**
     * Stops the broker and deletes its folder (or container) and returns once the process has ended; does nothing on
     * the {@linkplain #shared() shared} one.
     */
    @Override
    public void close() {
        if (owned) {
            shutdown();
        }
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        if (container != null) {
            container.stop();
        }
        if (embedded != null) {
            embedded.stop();
            deleteRecursively(embedded.dataDir());
        }
    }

    private static Mode chooseMode() {
        String forced = System.getProperty("qps.fixture", "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("embedded")) {
            return Mode.EMBEDDED;
        }
        if (forced.equals("testcontainers")) {
            return Mode.TESTCONTAINERS;
        }
        return dockerAvailable() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("qps-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
