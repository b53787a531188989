package io.qps.registry;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.qps.registry.http.BasicAuthHandler;
import io.qps.registry.http.RegistryHandler;
import io.qps.registry.service.SchemaRegistryState;
import io.qps.registry.storage.KafkaSchemaStore;
import io.qps.registry.storage.SchemaStore;
import io.qps.registry.storage.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Confluent-compatible schema registry in this process: an HTTP server (JDK {@code HttpServer}) answering the
 * v1 API on {@code host:port}, over a {@link SchemaStore} it replays at startup. {@link #start(String, String, int)}
 * keeps the schemas in the compacted topic {@value KafkaSchemaStore#DEFAULT_TOPIC}; {@link #start(SchemaStore,
 * String, int)} takes any store (an in-memory one in tests). One instance per store: it is the store's only
 * writer.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    /** The address the registry binds to unless told otherwise: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The registry's customary port. */
    public static final int DEFAULT_PORT = 8081;
    /** Environment variable holding {@code user:password[,...]}: the registry then requires basic auth. */
    public static final String ENV_BASIC_AUTH = "QPS_REGISTRY_BASIC_AUTH";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SchemaStore store;
    private final String url;

    private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, SchemaStore store, String url) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.url = url;
    }

    /**
     * Starts a registry storing its schemas in Kafka at {@code bootstrapServers}.
     *
     * @param port the port, 0 for an ephemeral one
     * @throws StoreException if Kafka cannot be reached within {@link KafkaSchemaStore#TIMEOUT}
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static EmbeddedSchemaRegistry start(String bootstrapServers, String host, int port) {
        return start(new KafkaSchemaStore(bootstrapServers, KafkaSchemaStore.DEFAULT_TOPIC, Map.of()), host, port);
    }

    /** Starts a registry over {@code store}, open to all, which it closes on {@link #close()}. */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port) {
        return start(store, host, port, Map.of());
    }

    /**
     * Starts a registry over {@code store}, which it closes on {@link #close()}.
     *
     * @param users password by user name: when not empty, every request needs basic-auth credentials of one of them
     *     and is otherwise answered HTTP 401 (Confluent's {@code {"error_code":401,"message":"Unauthorized"}})
     */
    public static EmbeddedSchemaRegistry start(SchemaStore store, String host, int port, Map<String, String> users) {
        SchemaRegistryState state;
        HttpServer server;
        try {
            state = new SchemaRegistryState(store);
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            store.close();
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "qps-registry-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpHandler handler = new RegistryHandler(state);
        server.createContext("/", users.isEmpty() ? handler : new BasicAuthHandler(users, handler));
        server.setExecutor(executor);
        server.start();
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return new EmbeddedSchemaRegistry(server, executor, store,
                "http://" + hostPart + ":" + server.getAddress().getPort());
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    /** The port the registry listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering, then closes the store. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    /**
     * Runs a registry until the process is stopped: {@code --bootstrap host:port} (default
     * {@code localhost:9092}), {@code --host} (default {@value #DEFAULT_HOST}), {@code --port} (default
     * {@value #DEFAULT_PORT}), {@code --basic-auth user:password[,...]} (else {@value #ENV_BASIC_AUTH}, else open to
     * all), {@code --replication-factor} and {@code --min-insync-replicas} of the schemas topic, {@code --kafka-config
     * FILE} (Kafka client properties added to its clients, e.g. {@code security.protocol} and {@code sasl.*}; its
     * {@code bootstrap.servers} is ignored). Prints {@code registry listening on URL} once it answers; exits 1 with a
     * one-line
     * cause if it cannot start, 2 on bad arguments.
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"));
        Map<String, String> options;
        try {
            options = RegistryArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(RegistryArgs.USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.println(RegistryArgs.USAGE);
            return;
        }
        EmbeddedSchemaRegistry registry;
        try {
            String auth = options.get("basic-auth").isBlank() ? System.getenv(ENV_BASIC_AUTH) : options.get("basic-auth");
            Map<String, String> users = auth == null || auth.isBlank() ? Map.of() : BasicAuthHandler.parseUsers(auth);
            Map<String, Object> kafkaConfig = kafkaConfig(options.get("kafka-config"));
            KafkaSchemaStore store = new KafkaSchemaStore(options.get("bootstrap"), KafkaSchemaStore.DEFAULT_TOPIC,
                    kafkaConfig, (short) RegistryArgs.positive(options, "replication-factor"),
                    RegistryArgs.positive(options, "min-insync-replicas"));
            registry = start(store, options.get("host"), Integer.parseInt(options.get("port")), users);
        } catch (StoreException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }, "qps-registry-shutdown"));
        System.out.println("registry listening on " + registry.url());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> kafkaConfig(String file) {
        if (file.isEmpty()) {
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client config " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> config = new HashMap<>();
        p.stringPropertyNames().forEach(key -> config.put(key, p.getProperty(key)));
        config.remove("bootstrap.servers");
        return config;
    }
}
