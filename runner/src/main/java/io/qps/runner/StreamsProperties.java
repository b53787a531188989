package io.qps.runner;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of a run.
 *
 * <ul>
 *   <li>{@code application.id = qps-<session>}: one application (one consumer group, one set of internal topics)
 *       per session, which is what the reset before a replay works on;</li>
 *   <li>{@code processing.guarantee = exactly_once_v2}: outputs, store changelogs and input offsets commit in one
 *       transaction, so a crash never duplicates or loses an output; readers use {@code read_committed};</li>
 *   <li>{@code replication.factor} and {@code topic.min.insync.replicas} of the changelog and repartition topics
 *       from the settings' {@link io.qps.producer.session.TopicSettings} (the broker's defaults unless given; on a
 *       3-node cluster use 3 and 2), and the producer's {@code acks=all};</li>
 *   <li>{@code state.dir = <dataDir>/streams}, {@code auto.offset.reset = earliest} (a new application reads the
 *       session from its first event), a 100 ms commit interval (the exactly-once default);</li>
 *   <li>a producer transaction timeout well under the broker's maximum, and a consumer session timeout short
 *       enough that a crashed instance's tasks move on within seconds;</li>
 *   <li>no standby replicas and a task-idle time of 0: determinism comes from the topology's gates, never from
 *       waiting on time.</li>
 * </ul>
 */
public final class StreamsProperties {
    private StreamsProperties() {
    }

    /**
     * @param request the run
     * @param settings cluster, registry and folders
     * @return the properties for {@code new KafkaStreams(topology, properties)}
     */
    public static Properties of(RunRequest request, RunnerSettings settings) {
        Properties p = new Properties();
        for (Map.Entry<String, Object> e : settings.kafka().entrySet()) {
            p.put(e.getKey(), e.getValue());
        }
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, request.applicationId());
        p.put(StreamsConfig.CLIENT_ID_CONFIG, request.applicationId() + "-" + request.run());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, request.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.topics().replicationFactor());
        settings.topics().minInsyncReplicas().ifPresent(min ->
                p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), min));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 0);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Live at a real-time pace: tasks ask for a commit as soon as they forward an output (see PromptCommits).
        p.put(io.qps.stream.processor.PromptCommits.CONFIG, Boolean.toString(request.promptCommits()));
        // -1: never wait for an empty input partition. Each partition task reads its ticks and the summaries sent
        // to it; the release gate makes the outputs independent of how the two interleave, so waiting for
        // summaries known on the broker would only cost time (and Streams' per-record readiness checks).
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // No store is cached: state is heap, written at commit (HeapStateStore).
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        // Ticks are small records read in bulk, but the consumer queues a fetch response whole and hands it out
        // max.poll.records at a time: a summary fetched behind 4 MB per partition (16 MB per response) waited
        // 1-2 s on average, up to 13 s in a live run, while the tasks waiting for it piled up a backlog to read
        // back. 256 KB per partition and 1 MB per response keep that near 0.15 s and cost no throughput here.
        p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), 1024 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 256 * 1024);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 60_000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return p;
    }

    /** The configuration of the topology's Avro serdes: the registry's URL, credentials and TLS settings. */
    public static Map<String, Object> serdeConfig(RunnerSettings settings) {
        return settings.registry();
    }
}
