package io.qps.stream.processor;

import io.qps.core.engine.BoundaryGrid;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineSink;
import io.qps.core.engine.TradingEngine;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketView;
import io.qps.core.market.ProgressMarker;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.BoundaryStrategy;
import io.qps.schemas.mapping.OutputMapping;
import io.qps.stream.codec.BoundaryMessages;
import io.qps.stream.codec.BoundaryMessages.Partial;
import io.qps.stream.codec.BoundaryMessages.Summary;
import io.qps.stream.state.HeapStateStore;
import io.qps.stream.topology.BadRecordPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The task of one ticks partition: the trading work of the partition's instruments.
 *
 * <p>It reads two inputs: the partition's ticks (events and the producer's progress markers, in offset
 * order = seq order) and the summaries other partitions send it. Each tick is <b>ingested</b> at once:
 * at every boundary a boundary strategy of this partition decides at, the partition's last books before
 * the boundary go into a summary, kept and sent to the other partitions that run the same strategy.
 * Ticks are then <b>released</b> in order: crossing boundary B needs the summaries of B from every
 * partition running a strategy due at B, after which the boundary's PnL share goes to the portfolio task
 * and the boundary strategies run ({@link TradingEngine#onBoundary}); an event is the per-event step
 * ({@link TradingEngine#onEvent}). So release order is a function of the ticks alone, and the arrival
 * order of summaries decides only when, never what. State lives on the heap and is written to a
 * {@link HeapStateStore} at each commit. Unreleased ticks are not copied there: the state records their
 * offset range, and a restore reads them again from the ticks topic, the session's immutable log.
 *
 * <p>The same log bounds the memory the backlog takes. With one stream thread, Kafka Streams gives every task
 * the same number of records per round, whatever their event time, so a partition with fewer events per hour
 * ingests ahead of the others and waits at their next boundary; over a long replay that gap grows to a good
 * share of the session. So at most {@code memoryLimit} unreleased ticks are held decoded; the ones after them
 * stay in the topic as an offset range and are read back, that many at a time, when release reaches them. A
 * record read back is checked again from the same seq cursor it was checked from at ingest, so bad input is
 * skipped exactly as it was quarantined then.
 */
public final class PartitionProcessor implements Processor<Object, byte[], String, Object> {
    public static final String STORE = "partition-state";
    /** Child names of the sinks this processor forwards to. */
    public static final String ORDERS = "orders-out";
    public static final String FILLS = "fills-out";
    public static final String POSITIONS = "positions-out";
    public static final String SUMMARIES = "summaries-out";
    public static final String PARTIALS = "partials-out";
    public static final String DLQ = "dlq-out";
    /** Headers of a quarantined record. */
    public static final String HEADER_TOPIC = "qps.dlq.topic";
    public static final String HEADER_PARTITION = "qps.dlq.partition";
    public static final String HEADER_OFFSET = "qps.dlq.offset";
    public static final String HEADER_REASON = "qps.dlq.reason";
    private static final int STATE_VERSION = 1;
    /** Unreleased ticks held decoded per task, by default; the rest are read back from the ticks topic. */
    public static final int DEFAULT_MEMORY_LIMIT = 100_000;

    private final Universe universe;
    private final EngineConfig config;
    private final int[] partitionOf;
    private final String run;
    private final String summariesTopic;
    private final Supplier<Function<byte[], Object>> decoders;
    private TickCheck tickCheck;
    private final boolean racy;
    private final String ticksTopic;
    private final TicksRefetch refetch;
    private final BadRecordPolicy badRecords;
    private final int memoryLimit;

    private ProcessorContext<String, Object> context;
    private HeapStateStore store;
    private int partition;
    private TradingEngine engine;
    private BoundaryGrid grid;
    private long sampleInterval;
    private MarketView ingestView;
    private boolean ingestStarted;
    private long ingestTs;
    private long ingestSeq;
    /** ingestSeq before the first unreleased tick: where a restore's re-validation of the backlog starts. */
    private long pendingBaseSeq;
    private long releasedEvents;
    private long releasedSeqSum;
    private long quarantined;
    private boolean releaseStarted;
    private long releaseTs;
    private boolean ended;
    /** The first unreleased ticks, decoded, in offset order: at most memoryLimit of them. */
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /**
     * The unreleased ticks after {@link #pending}, left in the topic: offsets [backlogFrom, backlogTo] of the
     * partition, or backlogFrom = -1 when there are none; backlogSeq is the seq cursor before backlogFrom.
     */
    private long backlogFrom = -1;
    private long backlogTo = -1;
    private long backlogSeq;
    /** Boundary → sending partition → its summary. */
    private final TreeMap<Long, TreeMap<Integer, Summary>> summaries = new TreeMap<>();
    private final Outputs outputs = new Outputs();
    private PromptCommits prompt;
    /** The boundary release waits at, or NONE: only a summary of that boundary can unblock it. */
    private long blockedAt = NONE;
    private static final long NONE = Long.MIN_VALUE;

    /**
     * @param partitionOf instrument id → ticks partition, as the session was published
     * @param summariesTopic the topic summaries are read from (to tell them from ticks)
     * @param decoders makes a decoder (one per task: decoders keep buffers) of a ticks value to a core
     *     {@link MarketEvent} or a {@link ProgressMarker}
     * @param ticksTopic the ticks topic (unreleased ticks are read from it again on a restore)
     * @param refetch reads a range of the ticks topic again
     * @param badRecords what to do with a ticks record that is not a valid event
     * @param racy the deliberately broken variant for negative tests: a boundary uses the summaries that have
     *     arrived instead of waiting for all of them
     */
    public PartitionProcessor(Universe universe, EngineConfig config, int[] partitionOf, String run,
                              String ticksTopic, String summariesTopic, Supplier<Function<byte[], Object>> decoders, boolean racy,
                              TicksRefetch refetch, BadRecordPolicy badRecords) {
        this(universe, config, partitionOf, run, ticksTopic, summariesTopic, decoders, racy, refetch, badRecords,
                DEFAULT_MEMORY_LIMIT);
    }

    /** As above, holding at most {@code memoryLimit} unreleased ticks decoded (tests use a small one). */
    public PartitionProcessor(Universe universe, EngineConfig config, int[] partitionOf, String run,
                              String ticksTopic, String summariesTopic, Supplier<Function<byte[], Object>> decoders, boolean racy,
                              TicksRefetch refetch, BadRecordPolicy badRecords, int memoryLimit) {
        if (memoryLimit < 1) {
            throw new IllegalArgumentException("memoryLimit must be positive, was " + memoryLimit);
        }
        this.memoryLimit = memoryLimit;
        this.universe = universe;
        this.config = config;
        this.partitionOf = partitionOf.clone();
        this.run = run;
        this.summariesTopic = summariesTopic;
        this.decoders = decoders;
        this.racy = racy;
        this.ticksTopic = ticksTopic;
        this.refetch = refetch;
        this.badRecords = badRecords;
    }

    /** An ingested, unreleased ticks record: its offset in the partition and its decoded value. */
    private record Pending(long offset, Object value) {
        long ts() {
            return value instanceof MarketEvent e ? e.timestampMicros() : ((ProgressMarker) value).timestampMicros();
        }
    }

    @Override
    public void init(ProcessorContext<String, Object> ctx) {
        this.context = ctx;
        this.partition = ctx.taskId().partition();
        this.tickCheck = new TickCheck(decoders.get(), universe, partitionOf, partition, ticksTopic);
        boolean[] owned = new boolean[universe.size()];
        for (int i = 0; i < owned.length; i++) {
            owned[i] = partitionOf[i] == partition;
        }
        this.engine = new TradingEngine(universe, config, owned);
        this.sampleInterval = config.portfolio().sampleIntervalMicros();
        this.grid = engine.grid(sampleInterval);
        this.ingestView = new MarketView(universe.size());
        this.store = ctx.getStateStore(STORE);
        byte[] saved = store.getBlob("state");
        if (saved != null) {
            restore(saved);
        }
        this.prompt = PromptCommits.of(ctx.appConfigs());
        store.onCommit(() -> {
            prompt.committed(context::currentSystemTimeMs);
            store.putBlob("state", snapshot());
        });
    }

    @Override
    public void process(Record<Object, byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        if (topic.equals(summariesTopic)) {
            Summary s = BoundaryMessages.decodeSummary(record.value());
            summaries.computeIfAbsent(s.boundary(), b -> new TreeMap<>()).put(s.from(), s);
            if (hasUnreleased() && (blockedAt == NONE || s.boundary() == blockedAt)) {
                release();
            }
        } else {
            long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
            Object value = check(record.value(), offset, true, ingestSeq);
            if (value == null) {
                return;
            }
            if (!hasUnreleased()) {
                pendingBaseSeq = ingestSeq;
            }
            ingestSeq = seqOf(value);
            ingest(new Pending(offset, value));
            if (blockedAt == NONE) {
                release();
            }
        }
        prompt.processed();
        if (prompt.due(context::currentSystemTimeMs)) {
            context.commit();
        }
    }

    /**
     * Decodes and checks a ticks record against the seq of the partition's previous good record ({@code cursor});
     * returns its value, or null when it is bad input. A bad record seen the first time ({@code first}) is
     * quarantined or stops the run; seen again while the backlog is read back, it is skipped as it was then.
     */
    private Object check(byte[] raw, long offset, boolean first, long cursor) {
        String problem = tickCheck.check(raw, cursor);
        if (problem == null) {
            return tickCheck.value();
        }
        if (first) {
            quarantine(raw, offset, problem);
        }
        return null;
    }

    private static long seqOf(Object value) {
        return value instanceof MarketEvent e ? e.seq() : ((ProgressMarker) value).seq();
    }

    private boolean hasUnreleased() {
        return !pending.isEmpty() || backlogFrom >= 0;
    }

    /** Keeps an ingested tick for release: decoded while fewer than memoryLimit are, else as part of the backlog. */
    private void retain(Pending x) {
        if (backlogFrom < 0 && pending.size() < memoryLimit) {
            pending.add(x);
            return;
        }
        if (backlogFrom < 0) {
            // pending is full here (memoryLimit >= 1), so its last tick is the one checked just before x
            backlogFrom = x.offset();
            backlogSeq = seqOf(pending.peekLast().value());
        }
        backlogTo = x.offset();
    }

    /**
     * Reads the next chunk of the backlog back into {@link #pending} (which is empty), checking each record again
     * from the cursor it was checked from at ingest; false when there is no backlog.
     */
    private boolean refill() {
        if (backlogFrom < 0) {
            return false;
        }
        long upTo = backlogTo - backlogFrom >= memoryLimit ? backlogFrom + memoryLimit - 1 : backlogTo;
        long[] cursor = {backlogSeq};
        pendingBaseSeq = backlogSeq;
        refetch.fetch(ticksTopic, partition, backlogFrom, upTo, context.appConfigs(), (offset, raw) -> {
            Object value = check(raw, offset, false, cursor[0]);
            if (value != null) {
                cursor[0] = seqOf(value);
                pending.add(new Pending(offset, value));
            }
        });
        if (upTo < backlogTo) {
            backlogFrom = upTo + 1;
            backlogSeq = cursor[0];
        } else {
            backlogFrom = -1;
            if (cursor[0] != ingestSeq) {
                throw new IllegalStateException("the backlog read back from " + ticksTopic + "-" + partition
                        + " ends at seq " + cursor[0] + ", ingest at seq " + ingestSeq + ": the topic changed under"
                        + " the run");
            }
        }
        return true;
    }

    private void quarantine(byte[] raw, long offset, String reason) {
        if (badRecords == BadRecordPolicy.FAIL) {
            throw new BadRecordException("bad record in " + ticksTopic + " partition " + partition + " at offset "
                    + offset + ": " + reason + " (--on-bad-record quarantine would set it aside and carry on)");
        }
        quarantined++;
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(HEADER_TOPIC, ticksTopic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add(HEADER_PARTITION, Integer.toString(partition).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add(HEADER_OFFSET, Long.toString(offset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add(HEADER_REASON, reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        context.forward(new Record<>(ticksTopic + ":" + partition + ":" + offset, (Object) raw,
                Math.floorDiv(Math.max(ingestTs, 0), 1000), headers), DLQ);
    }

    private void ingest(Pending x) {
        if (x.value() instanceof ProgressMarker m && m.kind() == ProgressMarker.Kind.START) {
            if (!ingestStarted) {
                ingestStarted = true;
                ingestTs = m.timestampMicros();
            }
            retain(x);
            return;
        }
        if (!ingestStarted) {
            throw new IllegalStateException("partition " + partition + " has a tick before the session's START"
                    + " marker: the session was published without progress markers (by an older qps); publish it"
                    + " again under a new session id");
        }
        long ts = x.ts();
        for (long b = grid.next(ingestTs); b <= ts; b = grid.next(b)) {
            if (engine.decidesAt(b)) {
                summarize(b);
            }
        }
        ingestTs = Math.max(ingestTs, ts);
        if (x.value() instanceof MarketEvent e) {
            ingestView.onEvent(e);
        }
        retain(x);
    }

    /** Keeps this partition's summary of boundary b and sends it to the other partitions that need it. */
    private void summarize(long b) {
        TreeSet<Integer> destinations = new TreeSet<>();
        for (BoundaryStrategy s : engine.boundaryStrategies()) {
            if (BoundaryGrid.isMultiple(b, s.intervalMicros())) {
                s.subscriptions().forEach(i -> destinations.add(partitionOf[i]));
            }
        }
        destinations.remove(partition);
        int n = 0;
        for (int p : partitionOf) {
            n += p == partition ? 1 : 0;
        }
        int[] instruments = new int[n];
        long[] entries = new long[n * 4];
        int k = 0;
        for (int i = 0; i < partitionOf.length; i++) {
            if (partitionOf[i] == partition) {
                instruments[k] = i;
                entries[4 * k] = ingestView.bid(i);
                entries[4 * k + 1] = ingestView.ask(i);
                entries[4 * k + 2] = ingestView.bookMicros(i);
                entries[4 * k + 3] = ingestView.lastSeq(i);
                k++;
            }
        }
        int[] dest = destinations.stream().mapToInt(Integer::intValue).toArray();
        Summary summary = new Summary(b, partition, dest, instruments, entries);
        summaries.computeIfAbsent(b, x -> new TreeMap<>()).put(partition, summary);
        if (dest.length > 0) {
            prompt.forwarded();
            context.forward(new Record<>(Integer.toString(partition), (Object) BoundaryMessages.encode(summary),
                    Math.floorDiv(b, 1000)), SUMMARIES);
        }
    }

    private void release() {
        if (blockedAt != NONE) {
            if (resolved(blockedAt) == null) {
                return;
            }
            blockedAt = NONE;
        }
        while (!pending.isEmpty() || refill()) {
            Pending x = pending.peek();
            if (x.value() instanceof ProgressMarker m && m.kind() == ProgressMarker.Kind.START) {
                if (!releaseStarted) {
                    releaseStarted = true;
                    releaseTs = m.timestampMicros();
                }
                pending.poll();
                continue;
            }
            long b = grid.next(releaseTs);
            if (b <= x.ts()) {
                boolean decides = engine.decidesAt(b);
                MarketView view = decides ? resolved(b) : null;
                if (decides && view == null) {
                    blockedAt = b;
                    return;
                }
                // What is decided at b carries b as its record time (event time: the decision's, not its inputs').
                releaseTs = b;
                if (BoundaryGrid.isMultiple(b, sampleInterval)) {
                    long first = x.value() instanceof MarketEvent e ? e.seq() : BoundaryMessages.NO_EVENT;
                    sendPartial(b, first, progressBefore(x));
                }
                if (decides) {
                    engine.onBoundary(b, view, outputs);
                    summaries.remove(b);
                }
                continue;
            }
            releaseTs = Math.max(releaseTs, x.ts());
            if (x.value() instanceof MarketEvent e) {
                engine.onEvent(e, outputs);
                releasedEvents++;
                releasedSeqSum += e.seq();
            } else if (((ProgressMarker) x.value()).kind() == ProgressMarker.Kind.END && !ended) {
                ended = true;
                sendPartial(BoundaryMessages.END, BoundaryMessages.NO_EVENT, progressBefore(x));
            }
            pending.poll();
        }
    }

    /** Every event of this partition up to the returned seq has been processed when x is next. */
    private static long progressBefore(Pending x) {
        return x.value() instanceof MarketEvent e ? e.seq() - 1 : ((ProgressMarker) x.value()).seq();
    }

    /** The view of boundary b assembled from every needed summary, or null while one is missing. */
    private MarketView resolved(long b) {
        Map<Integer, Summary> got = summaries.containsKey(b) ? summaries.get(b) : Map.of();
        for (BoundaryStrategy s : racy ? java.util.List.<BoundaryStrategy>of() : engine.boundaryStrategies()) {
            if (BoundaryGrid.isMultiple(b, s.intervalMicros())) {
                for (int i : s.subscriptions()) {
                    if (!got.containsKey(partitionOf[i])) {
                        return null;
                    }
                }
            }
        }
        MarketView view = new MarketView(universe.size());
        for (Summary s : got.values()) {
            int[] ins = s.instruments();
            long[] en = s.entries();
            for (int k = 0; k < ins.length; k++) {
                view.set(ins[k], en[4 * k], en[4 * k + 1], en[4 * k + 2], en[4 * k + 3]);
            }
        }
        return view;
    }

    private void sendPartial(long boundary, long firstSeq, long progress) {
        Partial p = new Partial(boundary, partition, firstSeq, progress, engine.figures(), releasedEvents,
                releasedSeqSum);
        long ts = boundary == BoundaryMessages.END ? Math.floorDiv(releaseTs, 1000) : Math.floorDiv(boundary, 1000);
        prompt.forwarded();
        context.forward(new Record<>(Integer.toString(partition), (Object) BoundaryMessages.encode(p), ts), PARTIALS);
    }

    /** Forwards the core's outputs, mapped to Avro, to their sinks, keyed by instrument symbol. */
    private final class Outputs implements EngineSink {
        @Override
        public void onOrder(OrderEvent order) {
            forward(order.symbol(), OutputMapping.toAvro(order, run), ORDERS);
        }

        @Override
        public void onFill(FillEvent fill) {
            forward(fill.symbol(), OutputMapping.report(fill, run), FILLS);
        }

        @Override
        public void onReject(RejectEvent reject) {
            forward(reject.symbol(), OutputMapping.report(reject, run), FILLS);
        }

        @Override
        public void onPosition(PositionRecord position) {
            forward(position.symbol(), OutputMapping.toAvro(position, run), POSITIONS);
        }

        @Override
        public void onPnl(PnlSnapshot snapshot) {
            throw new IllegalStateException("a partition task emits no PnL snapshots");
        }

        private void forward(String key, Object value, String child) {
            prompt.forwarded();
            context.forward(new Record<>(key, value, Math.floorDiv(releaseTs, 1000)), child);
        }
    }

    @Override
    public void close() {
        refetch.close();
    }

    private byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(STATE_VERSION);
            out.writeBoolean(ingestStarted);
            out.writeLong(ingestTs);
            out.writeLong(ingestSeq);
            out.writeLong(pending.isEmpty() && backlogFrom >= 0 ? backlogSeq : pendingBaseSeq);
            out.writeLong(releasedEvents);
            out.writeLong(releasedSeqSum);
            out.writeLong(quarantined);
            ingestView.writeState(out);
            out.writeBoolean(releaseStarted);
            out.writeLong(releaseTs);
            out.writeBoolean(ended);
            engine.writeState(out);
            out.writeInt(summaries.size());
            for (Map<Integer, Summary> byFrom : summaries.values()) {
                out.writeInt(byFrom.size());
                for (Summary s : byFrom.values()) {
                    byte[] b = BoundaryMessages.encode(s);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            // The unreleased range: held decoded, then the backlog (a restore reads all of it back, lazily).
            out.writeLong(pending.isEmpty() ? backlogFrom : pending.peekFirst().offset());
            out.writeLong(backlogFrom >= 0 ? backlogTo : pending.isEmpty() ? -1 : pending.peekLast().offset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void restore(byte[] saved) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved))) {
            int version = in.readInt();
            if (version != STATE_VERSION) {
                throw new IOException("partition state version " + version + " cannot be read");
            }
            ingestStarted = in.readBoolean();
            ingestTs = in.readLong();
            ingestSeq = in.readLong();
            pendingBaseSeq = in.readLong();
            releasedEvents = in.readLong();
            releasedSeqSum = in.readLong();
            quarantined = in.readLong();
            ingestView.readState(in);
            releaseStarted = in.readBoolean();
            releaseTs = in.readLong();
            ended = in.readBoolean();
            engine.readState(in);
            int boundaries = in.readInt();
            for (int k = 0; k < boundaries; k++) {
                int n = in.readInt();
                for (int j = 0; j < n; j++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    Summary s = BoundaryMessages.decodeSummary(b);
                    summaries.computeIfAbsent(s.boundary(), x -> new TreeMap<>()).put(s.from(), s);
                }
            }
            long first = in.readLong();
            long last = in.readLong();
            if (first >= 0) {
                // Read back when release reaches it (refill), checked from the cursor before its first record.
                backlogFrom = first;
                backlogTo = last;
                backlogSeq = pendingBaseSeq;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the state of partition " + partition, e);
        }
    }
}
