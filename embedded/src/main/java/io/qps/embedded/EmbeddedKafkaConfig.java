package io.qps.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param dataDir folder holding the broker's configuration, data ({@code data/}), log ({@code logs/server.log}) and
 *                state file ({@code broker.state}); created if missing
 * @param port client (PLAINTEXT) listener port on 127.0.0.1; 0 picks a free port at start
 * @param controllerPort KRaft controller listener port on 127.0.0.1; 0 picks a free port at start
 * @param maxHeap the broker JVM's {@code -Xmx} value, e.g. {@code 512m}
 * @param classpath the broker JVM's class path: this module (and its dependencies), with {@code kafka_2.13} and its
 *                  dependencies either on it or in a {@value BrokerClasspath#LIB_DIR} folder next to one of its jars
 *                  ({@link BrokerClasspath#complete})
 * @param startTimeout how long {@link EmbeddedKafka#start()} waits for the broker to answer
 * @param stopWithParent if true the broker exits by itself when the JVM that started it ends (for tests: no orphans
 *                       even if the test JVM is killed); if false it outlives its starter (for the CLI's {@code up})
 * @param secure if true the client listener takes SASL/SCRAM-SHA-512 only and ACLs are enforced (see
 *               {@link BrokerSecurity} and {@link AppUserAcls}); otherwise it is PLAINTEXT with no authorizer
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, int controllerPort, String maxHeap, String classpath,
                                  Duration startTimeout, boolean stopWithParent, boolean secure) {
    /** Default client port. */
    public static final int DEFAULT_PORT = 9092;
    /** Default controller port. */
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    /** Default data folder, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".qps", "kafka");
    /** Default broker heap. */
    public static final String DEFAULT_MAX_HEAP = "512m";
    /** Default time allowed for the broker to come up. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    /** Validates the ports and required values. */
    public EmbeddedKafkaConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(startTimeout, "startTimeout");
        checkPort(port, "port");
        checkPort(controllerPort, "controllerPort");
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ: " + port);
        }
        if (!maxHeap.matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException("maxHeap must look like 512m or 1g: " + maxHeap);
        }
    }

    /**
     * @return {@code ./.qps/kafka}, ports 9092/9093, 512m heap, this JVM's class path, outliving its starter
     */
    public static EmbeddedKafkaConfig defaults() {
        return new EmbeddedKafkaConfig(DEFAULT_DATA_DIR, DEFAULT_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_MAX_HEAP,
                BackgroundJvm.currentClasspath(), DEFAULT_START_TIMEOUT, false, false);
    }

    /**
     * @param dataDir a (temporary) folder
     * @return free ports, this JVM's class path, and a broker that dies with this JVM: the test set-up
     */
    public static EmbeddedKafkaConfig ephemeral(Path dataDir) {
        return defaults().withDataDir(dataDir).withPorts(0, 0).withStopWithParent(true);
    }

    /** @param dir data folder @return a copy using it */
    public EmbeddedKafkaConfig withDataDir(Path dir) {
        return new EmbeddedKafkaConfig(dir, port, controllerPort, maxHeap, classpath, startTimeout, stopWithParent,
                secure);
    }

    /** @param client client port (0 = free) @param controller controller port (0 = free) @return a copy */
    public EmbeddedKafkaConfig withPorts(int client, int controller) {
        return new EmbeddedKafkaConfig(dataDir, client, controller, maxHeap, classpath, startTimeout, stopWithParent,
                secure);
    }

    /** @param heap {@code -Xmx} value @return a copy using it */
    public EmbeddedKafkaConfig withMaxHeap(String heap) {
        return new EmbeddedKafkaConfig(dataDir, port, controllerPort, heap, classpath, startTimeout, stopWithParent,
                secure);
    }

    /** @param path broker class path @return a copy using it */
    public EmbeddedKafkaConfig withClasspath(String path) {
        return new EmbeddedKafkaConfig(dataDir, port, controllerPort, maxHeap, path, startTimeout, stopWithParent,
                secure);
    }

    /** @param timeout start timeout @return a copy using it */
    public EmbeddedKafkaConfig withStartTimeout(Duration timeout) {
        return new EmbeddedKafkaConfig(dataDir, port, controllerPort, maxHeap, classpath, timeout, stopWithParent,
                secure);
    }

    /** @param stop whether the broker ends with its starter @return a copy using it */
    public EmbeddedKafkaConfig withStopWithParent(boolean stop) {
        return new EmbeddedKafkaConfig(dataDir, port, controllerPort, maxHeap, classpath, startTimeout, stop,
                secure);
    }

    /** @param on whether the broker requires SASL and enforces ACLs @return a copy using it */
    public EmbeddedKafkaConfig withSecure(boolean on) {
        return new EmbeddedKafkaConfig(dataDir, port, controllerPort, maxHeap, classpath, startTimeout, stopWithParent,
                on);
    }

    private static void checkPort(int value, String name) {
        if (value < 0 || value > 65_535) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + value);
        }
    }
}
