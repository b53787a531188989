package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.execution.TargetPosition;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.strategy.Strategy;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.InternalCodec;
import io.qps.stream.codec.MarketDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single task of the cross-instrument strategies. Digests arrive in any order across ticks partitions; they
 * are buffered by {@code seq} and released while the next seq (last released + 1) is present, so every seq is
 * handled once, in order. For a released seq S of instrument X: the cross instances subscribed to X handle it in
 * creation order; their targets, stamped like the reference's, go to the exec partition of their instrument; then
 * a {@link ExecMessage.Marker} for S goes to X's partition and to every partition that got a target at S, in
 * ascending partition order.
 *
 * <p>State (store {@link #STATE_STORE}): released seq, instrument partitions, each cross instance's state; the
 * pending digests are in {@link #PENDING_STORE}. An instrument whose partition is not known yet when it is
 * targeted is assumed on the partition Kafka's default partitioner gives its symbol; a later digest that shows
 * another partition stops the task.
 */
public final class CrossStrategyProcessor implements Processor<String, MarketDigest, String, ExecMessage> {
    public static final String PENDING_STORE = "qps-cross-pending";
    public static final String STATE_STORE = "qps-cross-state";
    private static final String RELEASED = "#released";
    private static final String PARTITIONS = "#partitions";

    private final Universe universe;
    private final EngineConfig config;
    private final int partitions;
    private final StampingSink sink = new StampingSink();
    private ProcessorContext<String, ExecMessage> context;
    private KeyValueStore<Long, byte[]> pending;
    private KeyValueStore<String, byte[]> state;
    private StrategyLayout layout;
    private int[] partitionOf;
    private long released;
    private long pendingCount;
    private boolean loaded;

    /**
     * @param partitions the number of exec (= ticks) partitions
     */
    public CrossStrategyProcessor(Universe universe, EngineConfig config, int partitions) {
        this.universe = universe;
        this.config = config;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, ExecMessage> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        this.state = context.getStateStore(STATE_STORE);
        this.loaded = false;
    }

    /** Loads the heap copy of the stores' state; done at the first record, once any restoration is over. */
    private void load() {
        this.layout = new StrategyLayout(universe, config);
        byte[] r = state.get(RELEASED);
        released = r == null ? 0 : StateBytes.toLong(r);
        partitionOf = new int[universe.size()];
        byte[] p = state.get(PARTITIONS);
        for (int i = 0; i < partitionOf.length; i++) {
            partitionOf[i] = p == null ? -1 : (p[4 * i] << 24) | ((p[4 * i + 1] & 0xFF) << 16)
                    | ((p[4 * i + 2] & 0xFF) << 8) | (p[4 * i + 3] & 0xFF);
        }
        for (Strategy s : layout.cross()) {
            byte[] b = state.get(s.instanceName());
            if (b != null) {
                StateBytes.read(b, s.instanceName(), s);
            }
        }
        pendingCount = 0;
        try (var it = pending.all()) {
            while (it.hasNext()) {
                it.next();
                pendingCount++;
            }
        }
        loaded = true;
    }

    @Override
    public void process(Record<String, MarketDigest> record) {
        if (!loaded) {
            load();
        }
        MarketDigest digest = record.value();
        long seq = digest.seq();
        if (seq <= released) {
            throw new IllegalStateException("cross task: digest seq " + seq + " of instrument "
                    + digest.event().instrument() + " (partition " + digest.partition() + ") arrived after seq "
                    + released + " was released");
        }
        if (seq == released + 1) {
            release(digest);
        } else {
            if (pending.putIfAbsent(seq, InternalCodec.encode(digest)) != null) {
                throw new IllegalStateException("cross task: digest seq " + seq + " arrived twice");
            }
            pendingCount++;
            return;
        }
        while (pendingCount > 0) {
            byte[] next = pending.delete(released + 1);
            if (next == null) {
                break;
            }
            pendingCount--;
            release(InternalCodec.decodeDigest(next));
        }
        state.put(RELEASED, StateBytes.ofLong(released));
    }

    private void release(MarketDigest digest) {
        MarketEvent event = digest.event();
        learn(event.instrument(), digest.partition(), event.seq());
        sink.clear();
        for (Strategy s : layout.crossSubscribers(event.instrument())) {
            sink.begin(event, s);
            s.onEvent(event, sink);
            state.put(s.instanceName(), StateBytes.write(s));
        }
        long ms = Math.floorDiv(event.timestampMicros(), 1000L);
        boolean[] marked = new boolean[partitions];
        marked[digest.partition()] = true;
        List<TargetPosition> targets = sink.targets();
        for (TargetPosition t : targets) {
            if (t.instrument() < 0 || t.instrument() >= universe.size()) {
                throw new IllegalStateException(t.strategy().code() + " targeted unknown instrument id "
                        + t.instrument() + " at seq " + t.causeSeq());
            }
            int p = partitionFor(t.instrument());
            marked[p] = true;
            context.forward(new Record<>(universe.get(t.instrument()).symbol(), new ExecMessage.Target(p, t), ms));
        }
        String key = universe.get(event.instrument()).symbol();
        for (int p = 0; p < partitions; p++) {
            if (marked[p]) {
                context.forward(new Record<>(key, new ExecMessage.Marker(p, event.seq()), ms));
            }
        }
        released = event.seq();
    }

    private void learn(int instrument, int partition, long seq) {
        if (partition >= partitions) {
            throw new IllegalStateException("digest seq " + seq + " comes from partition " + partition
                    + " but the topology was built for " + partitions + " partitions");
        }
        int known = partitionOf[instrument];
        if (known == partition) {
            return;
        }
        if (known >= 0) {
            throw new IllegalStateException("instrument " + universe.get(instrument).symbol() + " seen on partition "
                    + partition + " at seq " + seq + " but it was on partition " + known
                    + ": an instrument must live in one ticks partition");
        }
        setPartition(instrument, partition);
    }

    private int partitionFor(int instrument) {
        if (partitionOf[instrument] < 0) {
            byte[] key = universe.get(instrument).symbol().getBytes(StandardCharsets.UTF_8);
            setPartition(instrument, Utils.toPositive(Utils.murmur2(key)) % partitions);
        }
        return partitionOf[instrument];
    }

    private void setPartition(int instrument, int partition) {
        partitionOf[instrument] = partition;
        byte[] b = new byte[4 * partitionOf.length];
        for (int i = 0; i < partitionOf.length; i++) {
            int v = partitionOf[i];
            b[4 * i] = (byte) (v >>> 24);
            b[4 * i + 1] = (byte) (v >>> 16);
            b[4 * i + 2] = (byte) (v >>> 8);
            b[4 * i + 3] = (byte) v;
        }
        state.put(PARTITIONS, b);
    }
}
