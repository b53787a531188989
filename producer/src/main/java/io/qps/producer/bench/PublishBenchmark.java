package io.qps.producer.bench;

import io.qps.core.engine.EngineConfigFile;
import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.publish.PacingClock;
import io.qps.producer.publish.ProducerSettings;
import io.qps.producer.publish.Progress;
import io.qps.producer.publish.PublishRequest;
import io.qps.producer.publish.PublishResult;
import io.qps.producer.publish.Publisher;
import io.qps.producer.publish.QpsVersion;
import io.qps.producer.publish.Speed;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.publish.ValueEncoding;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicSettings;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Publishes a dataset as fast as possible (session {@value #SESSION}, forced), then runs Kafka's own
 * {@link ProducerPerformance} on the same broker with the same record count, the average serialized size of our
 * values as its record size, the same partition count and the same producer settings
 * ({@link ProducerSettings#defaults()} plus the same overrides), and reports both and their ratio.
 *
 * <p>Differences that remain: ProducerPerformance sends unkeyed records of random letters (the sticky partitioner
 * fills one batch at a time), ours are keyed by instrument and pay for Avro serialization and the dataset decoding.
 */
public final class PublishBenchmark {
    /** The session the benchmark publishes to (replaced on every run). */
    public static final String SESSION = "bench";
    /** Topic ProducerPerformance writes to (deleted and recreated on every run). */
    public static final String PERF_TOPIC = "qps.bench.producer-performance";

    private final Map<String, Object> kafka;
    private final SchemaRegistryClient registry;
    private final Duration timeout;

    /**
     * @param kafkaProperties client properties
     * @param registry the schema registry
     * @param timeout bound on admin calls
     */
    public PublishBenchmark(Map<String, Object> kafkaProperties, SchemaRegistryClient registry, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.registry = registry;
        this.timeout = timeout;
    }

    /**
     * The figures of one benchmark run.
     *
     * @param ours our publisher
     * @param kafkaTool Kafka's ProducerPerformance
     * @param recordSize the record size given to ProducerPerformance (our average serialized value size)
     */
    public record Result(PerfFigures ours, PerfFigures kafkaTool, int recordSize) {
        /** Our records/s over theirs. */
        public double ratio() {
            return ours.recordsPerSecond() / kafkaTool.recordsPerSecond();
        }

        /** Three lines: both figures and the ratio. */
        public String report() {
            return String.format(Locale.ROOT, "qps publish          %s%nProducerPerformance  %s (record size %d)%n"
                    + "ratio                %.2f (qps / ProducerPerformance, records/s)", ours.describe(),
                    kafkaTool.describe(), recordSize, ratio());
        }
    }

    /**
     * Runs both producers {@code rounds} times, alternating (ours first), and keeps the best round of each, so that
     * neither profits alone from a JIT warmed up by the other or from a quiet moment of a shared machine.
     *
     * @param dataset the dataset to publish
     * @param partitions partitions of both topics
     * @param rounds rounds of each, at least 1
     * @param overrides producer settings replacing {@link ProducerSettings#defaults()} in both
     * @param encoding how our publisher encodes values
     */
    public Result run(Path dataset, int partitions, int rounds, Map<String, Object> overrides,
                      ValueEncoding encoding) throws InterruptedException {
        PerfFigures ours = null;
        PerfFigures theirs = null;
        int recordSize = 0;
        for (int round = 0; round < Math.max(1, rounds); round++) {
            Publisher publisher = new Publisher(kafka, registry, PacingClock.system(), Progress.NONE, timeout);
            PublishResult published = publisher.publish(new PublishRequest(SessionId.of(SESSION), dataset,
                    partitions, TopicSettings.DEFAULTS, Speed.MAX, true, QpsVersion.get(), overrides, encoding, AssignmentMode.BALANCED,
                    MarkerPolicy.DEFAULTS, EngineConfigFile.load(null)));
            double seconds = published.elapsedNanos() / 1e9;
            PerfFigures mine = new PerfFigures(published.events(), published.eventsPerSecond(),
                    published.bytes() / seconds / (1024.0 * 1024.0));
            ours = best(ours, mine);
            recordSize = (int) Math.round((double) published.bytes() / published.events());
            try (TopicAdmin admin = new TopicAdmin(kafka, timeout)) {
                admin.delete(PERF_TOPIC);
                admin.createTicks(PERF_TOPIC, partitions, TopicSettings.DEFAULTS);
            }
            theirs = best(theirs, producerPerformance(published.events(), recordSize, overrides));
        }
        return new Result(ours, theirs, recordSize);
    }

    private static PerfFigures best(PerfFigures a, PerfFigures b) {
        return a == null || b.recordsPerSecond() > a.recordsPerSecond() ? b : a;
    }

    private PerfFigures producerPerformance(long records, int recordSize, Map<String, Object> overrides) {
        List<String> args = new ArrayList<>(List.of("--topic", PERF_TOPIC, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props"));
        kafka.forEach((k, v) -> args.add(k + "=" + v));
        ProducerSettings.merge(Map.of(), overrides).forEach((k, v) -> args.add(k + "=" + v));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("ProducerPerformance exited with status " + status
                    + (message == null ? "" : ": " + message));
        });
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ProducerPerformance.main(args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("ProducerPerformance failed: " + e.getMessage(), e);
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
        }
        return PerfFigures.parseProducerPerformance(captured.toString(StandardCharsets.UTF_8));
    }
}
