package io.qps.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Before a command's real work: does a Kafka broker answer at the configured address? Kafka's clients wait for an
 * absent broker until their own timeouts (15 to 60 s) and then report {@code Timeout expired while fetching topic
 * metadata}; this probe says within seconds which address did not answer and what to do: first a TCP connection to
 * the bootstrap addresses (a refused one fails at once), then {@code describeCluster} within {@link #TIMEOUT}.
 */
public final class ClusterProbe {
    /** Bound on the probe. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** Bound on connecting to the bootstrap addresses first. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private ClusterProbe() {
    }

    /**
     * @param cluster the command's settings
     * @throws CliException (failed) naming the address if no broker answers {@code describeCluster} in time, or
     *                      saying what to fix if authentication fails
     */
    public static void requireBroker(ClusterSettings cluster) {
        requireListener(cluster);
        Map<String, Object> props = new HashMap<>(cluster.kafkaClientProperties());
        int millis = (int) TIMEOUT.toMillis();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "qps-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            throw unreachable(cluster, ": " + ErrorHandlers.oneLine(e));
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).clusterId()
                    .get(millis + 500L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof AuthenticationException auth) {
                throw new CliException(CliException.FAILED, KafkaAccessErrors.authentication(auth, cluster), auth);
            }
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(cluster, " within " + TIMEOUT.toSeconds() + " s");
            }
            throw unreachable(cluster, ": " + ErrorHandlers.oneLine(cause));
        } catch (TimeoutException e) {
            throw unreachable(cluster, " within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted while probing Kafka at "
                    + cluster.bootstrapServers(), e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static void requireListener(ClusterSettings cluster) {
        Optional<String> why = noListener(cluster.bootstrapServers());
        if (why.isPresent()) {
            throw unreachable(cluster, ": " + why.get());
        }
    }

    /**
     * A TCP connection to each bootstrap address in turn until one is accepted, within two seconds in all: a refused
     * or unresolvable address is known at once, where Kafka's admin client would retry until its timeout.
     *
     * @param bootstrapServers {@code host:port[,host:port...]}
     * @return why no address accepted a connection, or empty if one did (or an address cannot be parsed)
     */
    public static Optional<String> noListener(String bootstrapServers) {
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        String why = "";
        for (String address : bootstrapServers.split(",")) {
            String trimmed = address.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            String host = trimmed.substring(0, colon).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(trimmed.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.min(left, CONNECT_TIMEOUT.toMillis()));
                return Optional.empty();
            } catch (UnknownHostException e) {
                why = "unknown host " + host;
            } catch (SocketTimeoutException e) {
                why = "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
            } catch (ConnectException e) {
                why = "cannot connect (nothing listening?)";
            } catch (IOException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        return Optional.of(why);
    }

    /** The failure, without its technical cause: the message says all, and the cause would be appended to it. */
    private static CliException unreachable(ClusterSettings cluster, String detail) {
        return new CliException(CliException.FAILED, "no Kafka broker answers at " + cluster.bootstrapServers()
                + detail + " (start one with 'qps up' or pass --bootstrap)");
    }
}
