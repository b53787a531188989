package io.qps.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real multi-node Apache Kafka cluster on loopback: {@code n} KRaft nodes, each a combined broker and controller in
 * its own background JVM, with a static controller quorum of all of them (so it survives the loss of a minority).
 * The internal topics ({@code __consumer_offsets}, {@code __transaction_state}) use replication {@code min(3, n)} and
 * {@code min.insync.replicas} {@code min(2, n)}; other topics get replication 1 unless their creator says otherwise,
 * so that a test sees which topics its own settings reached. Each node JVM exits when the JVM that started the cluster ends (no orphans).
 *
 * <p>Each node has its own process because a test kills one with SIGKILL ({@link #kill(int)}): a crash of one machine
 * of a cluster, with its page cache and its unflushed log tail, is what an in-process broker cannot model.
 *
 * <p>Layout of the folder: {@code node-<id>/server.properties}, {@code node-<id>/data/} (formatted once with the
 * cluster's id) and {@code node-<id>/logs/server.log}. For tests; not thread-safe.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 25;

    private final Path dir;
    private final String classpath;
    private final String maxHeap;
    private final Duration startTimeout;
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its id, ports, folder and (while it runs) process. */
    private static final class Node {
        final int id;
        final int port;
        final int controllerPort;
        final Path dir;
        Process process;

        Node(int id, int port, int controllerPort, Path dir) {
            this.id = id;
            this.port = port;
            this.controllerPort = controllerPort;
            this.dir = dir;
        }

        Path log() {
            return dir.resolve("logs").resolve("server.log");
        }

        String bootstrap() {
            return Ports.LOOPBACK + ":" + port;
        }
    }

    private EmbeddedCluster(Path dir, String classpath, String maxHeap, Duration startTimeout) {
        this.dir = dir.toAbsolutePath().normalize();
        this.classpath = classpath;
        this.maxHeap = maxHeap;
        this.startTimeout = startTimeout;
    }

    /**
     * Formats (in parallel) and starts {@code size} nodes on free loopback ports under {@code dir} and waits until every one of
     * them is registered with the quorum.
     *
     * @param dir the cluster's folder (created)
     * @param size number of nodes, 1..9
     * @param maxHeap each node JVM's {@code -Xmx}, e.g. {@code 384m}
     * @param startTimeout how long to wait for the whole cluster to answer
     * @return the running cluster; {@link #close()} stops it
     * @throws EmbeddedKafkaException if formatting fails or the cluster does not come up in time
     */
    public static EmbeddedCluster start(Path dir, int size, String maxHeap, Duration startTimeout) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("size must be 1..9: " + size);
        }
        EmbeddedCluster cluster = new EmbeddedCluster(dir, BackgroundJvm.currentClasspath(), maxHeap, startTimeout);
        try {
            cluster.formatAndStart(size);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void formatAndStart(int size) {
        List<Integer> taken = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            int port = freePortNotIn(taken);
            taken.add(port);
            int controller = freePortNotIn(taken);
            taken.add(controller);
            nodes.add(new Node(id, port, controller, dir.resolve("node-" + id)));
        }
        StringJoiner voters = new StringJoiner(",");
        nodes.forEach(n -> voters.add(n.id + "@" + Ports.LOOPBACK + ":" + n.controllerPort));
        String clusterId = Uuid.randomUuid().toString();
        int replication = Math.min(3, size);
        int minInsync = Math.min(2, size);
        List<Process> formats = new ArrayList<>();
        for (Node n : nodes) {
            createDirectories(n.dir);
            Path properties = n.dir.resolve("server.properties");
            write(properties, ServerProperties.render(ServerProperties.node(n.dir.resolve("data"), n.id, n.port,
                    n.controllerPort, voters.toString(), replication, minInsync, null)));
            List<String> command = BackgroundJvm.command(List.of("-Xmx256m"), classpath, "kafka.tools.StorageTool",
                    List.of("format", "--cluster-id", clusterId, "--config", properties.toString()));
            formats.add(BackgroundJvm.start(command, n.dir, n.log()));
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            Process format = formats.get(i);
            int exit;
            try {
                if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    formats.forEach(Process::destroyForcibly);
                    throw new EmbeddedKafkaException("formatting node " + n.id + " did not finish within "
                            + FORMAT_TIMEOUT.toSeconds() + " s; see " + n.log());
                }
                exit = format.exitValue();
            } catch (InterruptedException e) {
                formats.forEach(Process::destroyForcibly);
                Thread.currentThread().interrupt();
                throw new EmbeddedKafkaException("interrupted while formatting the cluster", e);
            }
            if (exit != 0) {
                throw new EmbeddedKafkaException("formatting node " + n.id + " in " + n.dir + " failed (exit " + exit
                        + "); see " + n.log() + tail(n));
            }
        }
        nodes.forEach(this::launch);
        awaitNodes(size);
    }

    /** @return the bootstrap servers of every node, e.g. {@code 127.0.0.1:40001,127.0.0.1:40003,...} */
    public String bootstrapServers() {
        StringJoiner all = new StringJoiner(",");
        nodes.forEach(n -> all.add(n.bootstrap()));
        return all.toString();
    }

    /** @return the node ids, 1..n */
    public List<Integer> nodeIds() {
        return nodes.stream().map(n -> n.id).toList();
    }

    /**
     * @param id a node id
     * @return the pid of its running JVM
     * @throws IllegalStateException if it does not run
     */
    public long pid(int id) {
        Node n = node(id);
        if (n.process == null || !n.process.isAlive()) {
            throw new IllegalStateException("node " + id + " does not run");
        }
        return n.process.pid();
    }

    /** @param id a node id @return its output log */
    public Path logFile(int id) {
        return node(id).log();
    }

    /**
     * Kills node {@code id} with SIGKILL (no shutdown hook, no controlled shutdown, no flush) and waits until its
     * process has ended.
     */
    public void kill(int id) {
        Node n = node(id);
        if (n.process == null) {
            return;
        }
        n.process.destroyForcibly();
        try {
            n.process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while killing node " + id, e);
        }
        n.process = null;
    }

    /**
     * Starts node {@code id} again on its data and ports and waits until the cluster reports all nodes again.
     *
     * @throws IllegalStateException if it still runs
     */
    public void restart(int id) {
        Node n = node(id);
        if (n.process != null && n.process.isAlive()) {
            throw new IllegalStateException("node " + id + " still runs");
        }
        launch(n);
        awaitNodes(nodes.size());
    }

    /**
     * Stops every node that runs: SIGTERM to all at once (a controlled shutdown each), then SIGKILL to any still
     * running after 20 s. All at once, because nodes stopped one by one lose the quorum and the last ones would wait
     * out their grace period.
     */
    @Override
    public void close() {
        List<Node> running = nodes.stream().filter(n -> n.process != null).toList();
        running.forEach(n -> n.process.destroy());
        for (Node n : running) {
            BackgroundJvm.terminate(n.process.toHandle(), STOP_GRACE);
            n.process = null;
        }
    }

    private void launch(Node n) {
        List<String> jvm = List.of(BackgroundJvm.marker(EmbeddedKafka.SERVICE), "-Xmx" + maxHeap, "-Xms64m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
        n.process = BackgroundJvm.start(BackgroundJvm.command(jvm, classpath, BrokerMain.class.getName(),
                List.of(Long.toString(ProcessHandle.current().pid()), n.dir.resolve("server.properties").toString())),
                n.dir, n.log());
    }

    /** Waits until every running node answers and reports {@code expected} brokers. */
    private void awaitNodes(int expected) {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Node n : nodes) {
                if (n.process == null) {
                    continue;
                }
                if (!n.process.isAlive()) {
                    throw new EmbeddedKafkaException("node " + n.id + " exited during start-up (exit "
                            + n.process.exitValue() + "); see " + n.log() + tail(n));
                }
                KafkaProbe.Result probe = KafkaProbe.probe(Map.of("bootstrap.servers", n.bootstrap()),
                        Duration.ofSeconds(2));
                if (!probe.up() || probe.brokers() < expected) {
                    all = false;
                    last = "node " + n.id + ": " + (probe.up() ? probe.brokers() + " of " + expected + " brokers"
                            : probe.error());
                    break;
                }
            }
            if (all) {
                return;
            }
            sleep(Duration.ofMillis(300));
        }
        throw new EmbeddedKafkaException("the cluster in " + dir + " did not come up within "
                + startTimeout.toSeconds() + " s (" + last + ")");
    }

    private Node node(int id) {
        return nodes.stream().filter(n -> n.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + id + " (nodes " + nodeIds() + ")"));
    }

    private static String tail(Node n) {
        return "\n--- last lines of " + n.log() + " ---\n" + LogTail.of(n.log(), LOG_TAIL_LINES);
    }

    private static int freePortNotIn(List<Integer> taken) {
        int candidate = Ports.freePort();
        while (taken.contains(candidate)) {
            candidate = Ports.freePort();
        }
        return candidate;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + d, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for the cluster", e);
        }
    }
}
