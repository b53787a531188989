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
 * Measures, for a paced live run, the time from the moment an order could first be known to its
 * {@code read_committed} visibility. The publisher reports each event right after handing it to the producer
 * ({@link Progress#update}: the n-th event sent is seq n, as seqs are dense from 1); a consumer polls the run's
 * orders topic continuously. An order is due when its causal tick ({@code OrderEvent.seq}) was sent, or, for an
 * order decided at an event-time boundary (a bar close, an hourly rebalance: its record time is the boundary, later
 * than its causal tick), when the paced publisher reached that event time; its latency is the time the consumer's
 * poll returned it minus that. Orders caused during the warm-up (published at full speed) are not counted.
 *
 * <p>The measure is of a running application at a real-time pace, not of its start: after the warm-up's last event
 * this probe holds the publisher (its {@link #update} call returns late) until the application has consumed and
 * committed the whole warm-up (its consumer group's committed offsets on the ticks topic equal the end offsets, twice
 * in a row 100 ms apart; at most {@link #CATCH_UP_LIMIT}), so pacing starts on a caught-up application.
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
    private final long warmupEvents;
    private final long originMicros;
    private final double factor;
    private final String ticksTopic;
    private final String groupId;
    private volatile long catchUpNanos = -1;
    /** The longest the publisher is held after the warm-up. */
    static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);

    /**
     * @param events events the publisher will send
     * @param ordersTopic the run's orders topic (created by the run; waited for)
     * @param warmupEvents events published at full speed before pacing (seqs 1..warmupEvents)
     * @param originMicros the event time of seq {@code warmupEvents + 1}, where pacing starts
     * @param factor the pace: event time per wall time
     * @param ticksTopic the session's ticks topic
     * @param groupId the run's application id (its consumer group)
     */
    OrderLatencyProbe(long events, String ordersTopic, Map<String, Object> kafka, SchemaRegistryClient registry,
                      long warmupEvents, long originMicros, double factor, String ticksTopic, String groupId) {
        this.ticksTopic = ticksTopic;
        this.groupId = groupId;
        this.sentNanos = new AtomicLongArray(Math.toIntExact(events + 1));
        this.warmupEvents = warmupEvents;
        this.originMicros = originMicros;
        this.factor = factor;
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
        if (sent == warmupEvents && warmupEvents > 0) {
            long start = System.nanoTime();
            awaitCaughtUp();
            catchUpNanos = System.nanoTime() - start;
        }
    }

    /** How long the publisher was held after the warm-up, in nanoseconds (-1: not yet, or no warm-up). */
    long catchUpNanos() {
        return catchUpNanos;
    }

    private void awaitCaughtUp() {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        int inARow = 0;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(kafka)) {
            while (inARow < 2 && System.nanoTime() < deadline) {
                inARow = caughtUp(admin) ? inARow + 1 : 0;
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
            failure.compareAndSet(null, new IllegalStateException("cannot tell whether the run consumed the"
                    + " warm-up: " + e.getMessage(), e));
        }
    }

    /** Whether the group's committed offsets on every ticks partition equal its end offset (and cover the warm-up). */
    private boolean caughtUp(org.apache.kafka.clients.admin.Admin admin)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        TopicCounts.Ends ends = TopicCounts.ends(admin, List.of(ticksTopic), Duration.ofSeconds(30)).get(ticksTopic);
        if (ends == null || ends.sum() < warmupEvents) {
            return false;
        }
        for (int p = 0; p < ends.ends().size(); p++) {
            var c = committed.get(new TopicPartition(ticksTopic, p));
            if (c == null || c.offset() != ends.ends().get(p)) {
                return false;
            }
        }
        return true;
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
                    long due = due(seq, r.timestamp() * 1000);
                    if (due != 0) {
                        synchronized (latencies) {
                            latencies.add(seen - due);
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

    /**
     * When an order caused by {@code seq} with record time {@code micros} could first be known: the send of its
     * causal tick, or the paced publisher's arrival at {@code micros} if that is later; 0 if not measured (caused
     * during the warm-up, or a tick this process did not send).
     */
    private long due(long seq, long micros) {
        long sent = seq > warmupEvents && seq < sentNanos.length() ? sentNanos.get((int) seq) : 0;
        long origin = warmupEvents + 1 < sentNanos.length() ? sentNanos.get((int) (warmupEvents + 1)) : 0;
        if (sent == 0 || origin == 0) {
            return 0;
        }
        long reached = origin + (long) ((micros - originMicros) * 1_000.0 / factor);
        return Math.max(sent, reached);
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
