package io.qps.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * T, the room there is: the cheapest Kafka Streams application that still does what every stateful application
 * does. It reads the ticks topic under {@code exactly_once_v2} with one stream thread and a 100 ms commit interval
 * and puts each record's value under its key in one cached, changelogged in-memory store (qps keeps its state on
 * the heap too); nothing else. Its drain rate bounds what any Kafka Streams topology on this topic and machine
 * can reach, so S/T says how much of the replay's time is the trading work and qps' own topology, and how much is
 * the framework's per-record cost.
 */
final class TrivialStreamsRun {
    private static final String STORE = "last";

    private TrivialStreamsRun() {
    }

    /**
     * Drains {@code records} records of {@code ticks} and removes the application's group and changelog after.
     *
     * @param kafka client properties
     * @param limit how long to wait for the drain
     * @throws IllegalStateException if the application fails or does not drain the topic within {@code limit}
     */
    static PipelineFigures.Trivial run(Map<String, Object> kafka, String ticks, long records, Duration limit,
                                       Consumer<String> log) throws InterruptedException {
        String applicationId = "qps-bench-trivial-" + System.currentTimeMillis();
        Path stateDir = tempDir();
        AtomicLong processed = new AtomicLong();
        Topology topology = new Topology();
        topology.addSource("ticks", new ByteArrayDeserializer(), new ByteArrayDeserializer(), ticks);
        topology.addProcessor("put", () -> new LastValue(processed), "ticks");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingEnabled(), "put");
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        long start = System.nanoTime();
        long drained;
        long closed;
        try (KafkaStreams streams = new KafkaStreams(topology, p)) {
            streams.start();
            long deadline = start + limit.toNanos();
            while (processed.get() < records) {
                if (streams.state() == KafkaStreams.State.ERROR || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the trivial application drained " + processed.get() + " of "
                            + records + " records of " + ticks + " (state " + streams.state() + ")");
                }
                Thread.sleep(5);
            }
            drained = System.nanoTime() - start;
            streams.close(Duration.ofSeconds(60));
            closed = System.nanoTime() - start;
            streams.cleanUp();
        } finally {
            cleanUp(kafka, applicationId, stateDir, log);
        }
        return new PipelineFigures.Trivial(processed.get(), drained, closed);
    }

    /** Puts every record's value under its key; counts the records. */
    private static final class LastValue implements Processor<byte[], byte[], Void, Void> {
        private final AtomicLong processed;
        private KeyValueStore<Bytes, byte[]> store;

        LastValue(AtomicLong processed) {
            this.processed = processed;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            store.put(Bytes.wrap(record.key() == null ? new byte[0] : record.key()), record.value());
            processed.incrementAndGet();
        }
    }

    private static void cleanUp(Map<String, Object> kafka, String applicationId, Path stateDir, Consumer<String> log) {
        try (Admin admin = Admin.create(kafka)) {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
            List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(applicationId + "-")).toList();
            admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.accept("note: the trivial application's group or changelog was not deleted: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.accept("note: " + stateDir + " was not deleted: " + e.getMessage());
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("qps-bench-trivial-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
