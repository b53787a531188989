package io.qps.cli.bench;

import io.qps.producer.publish.Progress;
import io.qps.schemas.OrderEvent;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Measures, for a live run, the time from a tick's send to the {@code read_committed} visibility of the orders it
 * causes. The publisher reports each event right after handing it to the producer ({@link Progress#update}: the
 * n-th event sent is seq n, as seqs are dense from 1); a consumer polls the run's orders topic continuously and
 * takes, for each order, the time its poll returned minus the send time of its causal seq ({@code OrderEvent.seq}).
 */
final class OrderLatencyProbe implements Progress, AutoCloseable {
    private final AtomicLongArray sentNanos;
    private final String ordersTopic;
    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stop;

    /**
     * @param events events the publisher will send
     * @param ordersTopic the run's orders topic (created by the run; waited for)
     */
    OrderLatencyProbe(long events, String ordersTopic, Map<String, Object> kafka, SchemaRegistryClient registry) {
        this.sentNanos = new AtomicLongArray(Math.toIntExact(events + 1));
        this.ordersTopic = ordersTopic;
        this.kafka = Map.copyOf(kafka);
        this.registry = registry;
        this.thread = new Thread(this::watch, "qps-bench-orders-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void update(long sent, long total, long elapsedNanos) {
        if (sent < sentNanos.length()) {
            sentNanos.set((int) sent, System.nanoTime());
        }
    }

    @Override
    public void finish(long sent, long total, long elapsedNanos) {
    }

    /** Stops watching once the consumer has read the topic up to its current end; the latencies seen. */
    long[] finish(Duration timeout) throws InterruptedException {
        stop = true;
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(1000);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        synchronized (latencies) {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private void watch() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "qps-bench-latency");
        AvroDeserializer<OrderEvent> values = new AvroDeserializer<>(OrderEvent.class, registry);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = awaitTopic(consumer);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = null;
            while (true) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
                long seen = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    long seq = values.deserialize(r.topic(), r.offset(), r.value()).getSeq();
                    long sent = seq > 0 && seq < sentNanos.length() ? sentNanos.get((int) seq) : 0;
                    if (sent != 0) {
                        synchronized (latencies) {
                            latencies.add(seen - sent);
                        }
                    }
                }
                if (stop) {
                    if (ends == null) {
                        ends = consumer.endOffsets(partitions);
                    }
                    if (TopicCounts.reached(consumer, ends)) {
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!(e instanceof org.apache.kafka.common.errors.InterruptException)) {
                failure.set(new IllegalStateException("watching " + ordersTopic + " failed: " + e.getMessage(), e));
            }
        }
    }

    private List<TopicPartition> awaitTopic(KafkaConsumer<byte[], byte[]> consumer) {
        while (true) {
            boolean last = stop;
            var infos = consumer.listTopics(Duration.ofSeconds(5)).get(ordersTopic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(ordersTopic, p.partition())).toList();
            }
            if (last) {
                return List.of();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
