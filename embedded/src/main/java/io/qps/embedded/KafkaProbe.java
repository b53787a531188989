package io.qps.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

/** Asks a Kafka cluster to describe itself, within a bounded time, and never throws. */
public final class KafkaProbe {
    private KafkaProbe() {
    }

    /**
     * The answer of one probe.
     *
     * @param up whether the cluster answered {@code describeCluster} in time
     * @param clusterId its cluster id, empty if down
     * @param brokers number of brokers it reported, 0 if down
     * @param error one-line reason it is down, empty if up
     */
    public record Result(boolean up, String clusterId, int brokers, String error) {
    }

    /**
     * @param bootstrapServers e.g. {@code 127.0.0.1:9092}
     * @param timeout upper bound on the whole probe
     * @return the result
     */
    public static Result probe(String bootstrapServers, Duration timeout) {
        return probe(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), timeout);
    }

    /**
     * @param clientProperties admin client properties incl. {@code bootstrap.servers} and any security settings
     * @param timeout upper bound on the whole probe
     * @return the result
     */
    public static Result probe(Map<String, ?> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        int millis = (int) Math.max(500, timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "qps-probe");
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            return down(e);
        }
        try {
            DescribeClusterResult result = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
            String clusterId = result.clusterId().get(millis + 1000L, TimeUnit.MILLISECONDS);
            int brokers = result.nodes().get(millis + 1000L, TimeUnit.MILLISECONDS).size();
            return new Result(true, clusterId == null ? "" : clusterId, brokers, "");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return new Result(false, "", 0, "no answer within " + millis + " ms");
            }
            return down(cause);
        } catch (TimeoutException e) {
            return new Result(false, "", 0, "no answer within " + millis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    private static Result down(Throwable e) {
        StringBuilder reason = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < 3; depth++, current = current.getCause()) {
            String message = current.getMessage() == null ? current.getClass().getSimpleName() : current.getMessage();
            message = message.replace('\n', ' ');
            if (reason.indexOf(message) < 0) {
                reason.append(reason.length() == 0 ? "" : ": ").append(message);
            }
        }
        return new Result(false, "", 0, reason.toString());
    }
}
