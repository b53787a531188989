package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.cli.KafkaAccessErrors;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Before a data-plane command on a cluster that authenticates its clients: may this principal describe the topics
 * the command needs? Kafka hides a topic the principal may not describe (listing leaves it out, reading finds
 * nothing), which would otherwise read as "unknown session" or a wait for a session that never comes; a wrong
 * password would read as an unreachable broker. Either now ends the command with one line, within seconds.
 *
 * <p>Only failures of access end the command here; anything else (an unreachable broker, a missing topic) is left to
 * the command, which reports it in its own words.
 */
final class AccessCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private AccessCheck() {
    }

    /**
     * @param cluster the command's settings; nothing is checked unless {@code security.protocol} is SASL or SSL
     * @param topics the topics the command reads or writes
     * @throws CliException if authentication fails or a topic may not be described
     */
    static void requireDescribe(ClusterSettings cluster, Collection<String> topics) {
        String protocol = cluster.clientProperties().getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "");
        if (!protocol.startsWith("SASL") && !protocol.equals("SSL")) {
            return;
        }
        Map<String, Object> props = new HashMap<>(cluster.kafkaClientProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "qps-access-check");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Set<String> denied = new TreeSet<>();
        try (Admin admin = Admin.create(props)) {
            Map<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> futures =
                    admin.describeTopics(List.copyOf(new TreeSet<>(topics))).topicNameValues();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            for (Map.Entry<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> f
                    : futures.entrySet()) {
                try {
                    f.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof AuthenticationException auth) {
                        throw new CliException(CliException.FAILED, KafkaAccessErrors.authentication(auth, cluster),
                                auth);
                    }
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        denied.add(f.getKey());
                    }
                } catch (TimeoutException e) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted while checking access to Kafka", e);
        }
        if (!denied.isEmpty()) {
            TopicAuthorizationException error = new TopicAuthorizationException(new TreeSet<>(denied));
            throw new CliException(CliException.FAILED, KafkaAccessErrors.authorization(error, cluster, "describe"),
                    error);
        }
    }
}
