package io.qps.stream.processor;

import io.qps.core.engine.CanonicalForm;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.OutputRecord;
import io.qps.core.engine.OutputTopic;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.schemas.ExecutionReport;
import io.qps.schemas.Position;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.stream.codec.BoundaryMessages;
import io.qps.stream.state.HeapStateStore;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs the partition and portfolio processors the way Kafka Streams would under exactly-once, without a
 * broker, under a seeded schedule: which task processes next, the order in which summaries and PnL shares
 * from different senders reach their readers (each sender's own order kept, as in a Kafka partition), when
 * each task commits, and crashes. A commit makes a task's forwarded records visible and saves its state
 * (the store's commit hook); a crash throws away the task's heap, its uncommitted outputs and its input
 * positions since the last commit, and starts a new processor on the committed store, which reads its
 * unreleased ticks back from the partition's log.
 */
final class PartitionSimulation {
    static final String TICKS = "s.ticks";
    static final String SUMMARIES = "s.live.internal-summaries";

    private final Universe universe;
    private final EngineConfig config;
    private final int partitions;
    private final int[] partitionOf;
    private final boolean racy;
    private final Random random;
    private final double crashRate;
    /** Every ticks value, by index; a log record's raw bytes are its 8-byte index. */
    private final List<Object> values = new ArrayList<>();
    private final List<List<byte[]>> logs = new ArrayList<>();
    private final Map<OutputTopic, List<OutputRecord>> outputs = new EnumMap<>(OutputTopic.class);
    /** Quarantined records as "partition:offset:reason", in the order their commits made them visible. */
    final List<String> dlq = new ArrayList<>();
    /** A log value the decoder cannot read (stands for undecodable bytes). */
    static final Object UNREADABLE = new Object();
    /** A log value whose schema id the registry does not know (its message names the registry's address). */
    static final Object UNKNOWN_SCHEMA = new Object();
    /** Each read of an UNKNOWN_SCHEMA value names another registry port, as restarts and other instances may. */
    private int unknownSchemaReads;
    private final io.qps.stream.topology.BadRecordPolicy policy;
    private final int memoryLimit;
    /** Backlog records read back from the logs (restores and refills). */
    long refetched;
    private final Task[] tasks;
    private final PortfolioTask portfolio;
    int crashes;

    PartitionSimulation(Universe universe, EngineConfig config, int partitions, int[] partitionOf, boolean racy,
                        long seed, double crashRate) {
        this(universe, config, partitions, partitionOf, racy, seed, crashRate,
                io.qps.stream.topology.BadRecordPolicy.QUARANTINE);
    }

    PartitionSimulation(Universe universe, EngineConfig config, int partitions, int[] partitionOf, boolean racy,
                        long seed, double crashRate, io.qps.stream.topology.BadRecordPolicy policy) {
        this(universe, config, partitions, partitionOf, racy, seed, crashRate, policy,
                PartitionProcessor.DEFAULT_MEMORY_LIMIT);
    }

    /** With {@code memoryLimit} unreleased ticks held decoded per task; the rest are read back from the log. */
    PartitionSimulation(Universe universe, EngineConfig config, int partitions, int[] partitionOf, boolean racy,
                        long seed, double crashRate, io.qps.stream.topology.BadRecordPolicy policy, int memoryLimit) {
        this.memoryLimit = memoryLimit;
        this.policy = policy;
        this.universe = universe;
        this.config = config;
        this.partitions = partitions;
        this.partitionOf = partitionOf.clone();
        this.racy = racy;
        this.random = new Random(seed);
        this.crashRate = crashRate;
        for (OutputTopic t : OutputTopic.values()) {
            outputs.put(t, new ArrayList<>());
        }
        this.tasks = new Task[partitions];
        for (int p = 0; p < partitions; p++) {
            logs.add(new ArrayList<>());
        }
        for (int p = 0; p < partitions; p++) {
            tasks[p] = new Task(p);
        }
        this.portfolio = new PortfolioTask();
    }

    /** Lays out the session as the publisher does: START, events, a PROGRESS round every {@code every}, END. */
    void publish(List<MarketEvent> events, int every) {
        for (int p = 0; p < partitions; p++) {
            append(p, new ProgressMarker(ProgressMarker.Kind.START, 0, events.get(0).timestampMicros()));
        }
        int n = 0;
        for (MarketEvent e : events) {
            append(partitionOf[e.instrument()], e);
            if (++n % every == 0 && n < events.size()) {
                for (int p = 0; p < partitions; p++) {
                    append(p, new ProgressMarker(ProgressMarker.Kind.PROGRESS, e.seq(), e.timestampMicros()));
                }
            }
        }
        MarketEvent last = events.get(events.size() - 1);
        for (int p = 0; p < partitions; p++) {
            append(p, new ProgressMarker(ProgressMarker.Kind.END, last.seq(), last.timestampMicros()));
        }
    }

    /**
     * Lays out the session as a paced publisher does when it waits before every event: as {@link #publish}, and
     * besides a clock round (PROGRESS, the last seq, a time after it and before the next event) at every multiple of
     * {@code clockMicros} between two events. A partition then crosses a boundary by such a round before any event
     * after the boundary reaches it, often every partition does.
     */
    void publishClocked(List<MarketEvent> events, int every, long clockMicros) {
        for (int p = 0; p < partitions; p++) {
            append(p, new ProgressMarker(ProgressMarker.Kind.START, 0, events.get(0).timestampMicros()));
        }
        int n = 0;
        MarketEvent prev = null;
        long watermark = events.get(0).timestampMicros();
        for (MarketEvent e : events) {
            if (prev != null) {
                for (long t = (Math.floorDiv(watermark, clockMicros) + 1) * clockMicros; t < e.timestampMicros();
                     t += clockMicros) {
                    for (int p = 0; p < partitions; p++) {
                        append(p, new ProgressMarker(ProgressMarker.Kind.PROGRESS, prev.seq(), t));
                    }
                    watermark = t;
                }
            }
            append(partitionOf[e.instrument()], e);
            watermark = Math.max(watermark, e.timestampMicros());
            prev = e;
            if (++n % every == 0 && n < events.size()) {
                for (int p = 0; p < partitions; p++) {
                    append(p, new ProgressMarker(ProgressMarker.Kind.PROGRESS, e.seq(), watermark));
                }
            }
        }
        MarketEvent last = events.get(events.size() - 1);
        for (int p = 0; p < partitions; p++) {
            append(p, new ProgressMarker(ProgressMarker.Kind.END, last.seq(), last.timestampMicros()));
        }
    }

    private void append(int p, Object value) {
        logs.get(p).add(ByteBuffer.allocate(8).putLong(values.size()).array());
        values.add(value);
    }

    private Object decode(byte[] raw) {
        Object v = values.get((int) ByteBuffer.wrap(raw).getLong());
        if (v == UNREADABLE) {
            throw new IllegalArgumentException("unknown magic byte 7");
        }
        if (v == UNKNOWN_SCHEMA) {
            throw new IllegalArgumentException("cannot decode", new io.qps.schemas.registry.RegistryException(
                    io.qps.schemas.registry.RegistryErrorCodes.SCHEMA_NOT_FOUND, 404, "registry at http://127.0.0.1:"
                    + (1024 + unknownSchemaReads++) + ": GET /schemas/ids/77 failed with HTTP 404"));
        }
        return v;
    }

    /** Puts {@code value} into partition {@code p}'s log right after the event with seq {@code afterSeq}. */
    void inject(int p, long afterSeq, Object value) {
        List<byte[]> log = logs.get(p);
        for (int i = 0; i < log.size(); i++) {
            if (decodeQuietly(log.get(i)) instanceof MarketEvent e && e.seq() == afterSeq) {
                log.add(i + 1, ByteBuffer.allocate(8).putLong(values.size()).array());
                values.add(value);
                return;
            }
        }
        throw new IllegalArgumentException("no event " + afterSeq + " in partition " + p);
    }

    private Object decodeQuietly(byte[] raw) {
        return values.get((int) ByteBuffer.wrap(raw).getLong());
    }

    /** Runs every task to the end of its inputs under the seeded schedule, then commits all. */
    CanonicalForm run() {
        while (true) {
            List<Runnable> steps = new ArrayList<>();
            for (Task t : tasks) {
                if (t.position < logs.get(t.partition).size()) {
                    steps.add(t::processTick);
                }
                if (!t.inbox.isEmpty()) {
                    steps.add(t::processSummary);
                }
                if (t.dirty) {
                    steps.add(t::commit);
                }
            }
            if (!portfolio.inbox.isEmpty()) {
                steps.add(portfolio::process);
            }
            if (portfolio.dirty) {
                steps.add(portfolio::commit);
            }
            if (steps.isEmpty()) {
                return CanonicalForm.of(outputs);
            }
            steps.get(random.nextInt(steps.size())).run();
            if (random.nextDouble() < crashRate) {
                tasks[random.nextInt(partitions)].crash();
            }
        }
    }

    /** A sender's records waiting for their reader, one queue per sender (a Kafka partition's order). */
    private static final class Inbox {
        private final Map<Integer, ArrayDeque<byte[]>> bySender = new java.util.TreeMap<>();

        void add(int sender, byte[] value) {
            bySender.computeIfAbsent(sender, s -> new ArrayDeque<>()).add(value);
        }

        boolean isEmpty() {
            return bySender.values().stream().allMatch(ArrayDeque::isEmpty);
        }

        byte[] take(Random random) {
            List<ArrayDeque<byte[]>> ready = bySender.values().stream().filter(q -> !q.isEmpty()).toList();
            return ready.get(random.nextInt(ready.size())).poll();
        }
    }

    private final class Task {
        final int partition;
        final HeapStateStore store = HeapStateStore.unlogged(PartitionProcessor.STORE);
        final Inbox inbox = new Inbox();
        /** Summaries taken from the inbox since the last commit: given back on a crash. */
        final List<byte[]> taken = new ArrayList<>();
        MockProcessorContext<String, Object> context;
        PartitionProcessor processor;
        int position;
        int committedPosition;
        boolean dirty;

        Task(int partition) {
            this.partition = partition;
            start(true);
        }

        void start(boolean fresh) {
            context = new MockProcessorContext<>(new Properties(), new TaskId(0, partition), null);
            if (fresh) {
                store.init(context.getStateStoreContext(), store);
            }
            context.addStateStore(store);
            Function<byte[], Object> decoder = PartitionSimulation.this::decode;
            processor = new PartitionProcessor(universe, config, partitionOf, "live", TICKS, SUMMARIES,
                    () -> decoder, racy, (topic, p, first, last, app, sink) -> {
                        for (long o = first; o <= last; o++) {
                            refetched++;
                            sink.accept(o, logs.get(p).get((int) o));
                        }
                    }, policy, memoryLimit);
            processor.init(context);
        }

        void processTick() {
            context.setRecordMetadata(TICKS, partition, position);
            processor.process(new Record<>(null, logs.get(partition).get(position), 0L));
            position++;
            dirty = true;
        }

        void processSummary() {
            byte[] s = inbox.take(random);
            taken.add(s);
            context.setRecordMetadata(SUMMARIES, partition, 0);
            processor.process(new Record<>(null, s, 0L));
            dirty = true;
        }

        void commit() {
            store.flushCache();
            for (var f : context.forwarded()) {
                route(partition, f.childName().orElseThrow(), f.record().value());
                if (PartitionProcessor.DLQ.equals(f.childName().orElseThrow())) {
                    var h = f.record().headers();
                    dlq.add(new String(h.lastHeader(PartitionProcessor.HEADER_PARTITION).value()) + ":"
                            + new String(h.lastHeader(PartitionProcessor.HEADER_OFFSET).value()) + ":"
                            + new String(h.lastHeader(PartitionProcessor.HEADER_REASON).value()));
                }
            }
            context.resetForwards();
            committedPosition = position;
            taken.clear();
            dirty = false;
        }

        void crash() {
            crashes++;
            for (byte[] s : taken) {
                inbox.add(-1 - crashes, s);
            }
            taken.clear();
            position = committedPosition;
            dirty = false;
            start(false);
        }
    }

    private final class PortfolioTask {
        final HeapStateStore store = HeapStateStore.unlogged(PortfolioProcessor.STORE);
        final Inbox inbox = new Inbox();
        final MockProcessorContext<String, Object> context = new MockProcessorContext<>(new Properties(),
                new TaskId(1, 0), null);
        final PortfolioProcessor processor = new PortfolioProcessor(partitions, "live");
        boolean dirty;

        PortfolioTask() {
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            processor.init(context);
        }

        void process() {
            processor.process(new Record<>(null, inbox.take(random), 0L));
            dirty = true;
        }

        void commit() {
            store.flushCache();
            for (var f : context.forwarded()) {
                outputs.get(OutputTopic.PNL).add(OutputMapping.toCore((io.qps.schemas.PnlSnapshot) f.record().value()));
            }
            context.resetForwards();
            dirty = false;
        }
    }

    private void route(int from, String child, Object value) {
        switch (child) {
            case PartitionProcessor.ORDERS -> outputs.get(OutputTopic.ORDERS)
                    .add(OutputMapping.toCore((io.qps.schemas.OrderEvent) value));
            case PartitionProcessor.FILLS -> outputs.get(OutputTopic.FILLS).add(OutputMapping.toCore((ExecutionReport) value));
            case PartitionProcessor.POSITIONS -> outputs.get(OutputTopic.POSITIONS).add(OutputMapping.toCore((Position) value));
            case PartitionProcessor.SUMMARIES -> {
                for (int d : BoundaryMessages.destinations((byte[]) value)) {
                    tasks[d].inbox.add(from, (byte[]) value);
                }
            }
            case PartitionProcessor.PARTIALS -> portfolio.inbox.add(from, (byte[]) value);
            case PartitionProcessor.DLQ -> { }
            default -> throw new IllegalStateException("unknown child " + child);
        }
    }
}
