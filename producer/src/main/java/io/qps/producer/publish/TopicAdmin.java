package io.qps.producer.publish;

import io.qps.producer.session.TopicSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The admin work of a publish, each call bounded by a timeout so an unreachable cluster answers within seconds:
 * reachability, whether a topic holds data, deleting and creating the ticks topic.
 */
public final class TopicAdmin implements AutoCloseable {
    private final Admin admin;
    private final String bootstrap;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers}, security settings)
     * @param timeout bound on each call
     */
    public TopicAdmin(Map<String, Object> kafkaProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.bootstrap = String.valueOf(props.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        this.timeout = timeout;
        this.admin = Admin.create(props);
    }

    /** The admin client, for callers that need more. */
    public Admin admin() {
        return admin;
    }

    /** Creates the compacted manifest topic unless it exists. */
    public void ensureSessionsTopic(io.qps.producer.session.SessionCatalog catalog, TopicSettings topics) {
        catalog.ensureTopic(admin, topics);
    }

    /** @throws PublishException if the cluster does not answer within the timeout */
    public void checkReachable() {
        try {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException("cannot reach Kafka at " + bootstrap + " within " + timeout.toSeconds()
                    + " s (is the broker up? try 'qps up' or 'qps status')", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    /** The names of the cluster's topics (internal ones excluded). */
    public Set<String> topicNames() {
        return get(admin.listTopics().names(), "list topics");
    }

    /** The topic's description, or empty if it does not exist. */
    public Optional<TopicDescription> describe(String topic) {
        Set<String> names = get(admin.listTopics().names(), "list topics");
        if (!names.contains(topic)) {
            return Optional.empty();
        }
        return Optional.of(get(admin.describeTopics(List.of(topic)).allTopicNames(), "describe " + topic).get(topic));
    }

    /** Records ever written to the topic: the sum of its partitions' end offsets (0 if it does not exist). */
    public long endOffsetSum(String topic) {
        Optional<TopicDescription> d = describe(topic);
        if (d.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        d.get().partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                get(admin.listOffsets(specs).all(), "list offsets of " + topic);
        return ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** Deletes the topic if it exists and waits until the cluster no longer lists it. */
    public void delete(String topic) {
        if (describe(topic).isEmpty()) {
            return;
        }
        get(admin.deleteTopics(List.of(topic)).all(), "delete " + topic);
        long deadline = System.nanoTime() + timeout.toNanos() * 6;
        while (get(admin.listTopics().names(), "list topics").contains(topic)) {
            pause(deadline, "deleting " + topic);
        }
    }

    /**
     * Creates the ticks topic: {@code partitions} partitions, infinite retention by time and size (its records
     * carry event timestamps, which may be far in the past, and the topic is the session's truth). Retries while
     * a just-deleted topic of the same name is still being removed.
     */
    public void createTicks(String topic, int partitions, TopicSettings topics) {
        NewTopic t = topics.newTopic(topic, partitions, Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"));
        long deadline = System.nanoTime() + timeout.toNanos() * 6;
        while (true) {
            try {
                admin.createTopics(List.of(t)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                awaitServed(topic, partitions, deadline);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new PublishException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
                pause(deadline, "creating " + topic + " (still marked for deletion?)");
            } catch (TimeoutException e) {
                throw new PublishException("creating topic " + topic + " took longer than " + timeout.toSeconds()
                        + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted", e);
            }
        }
    }

    /**
     * Waits until the broker answers offset requests for every partition of a just-created topic: a producer
     * started before that (in particular right after the same name was deleted) can stall on stale metadata.
     */
    private void awaitServed(String topic, int partitions, long deadline) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        while (true) {
            try {
                admin.listOffsets(specs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                pause(deadline, "waiting for the partitions of " + topic + " to be served");
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }

    private void pause(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new PublishException(what + " took longer than " + timeout.multipliedBy(6).toSeconds() + " s");
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("cannot " + what + " on " + bootstrap + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no answer from Kafka at " + bootstrap + " within " + timeout.toSeconds()
                    + " s while trying to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted", e);
        }
    }
}
