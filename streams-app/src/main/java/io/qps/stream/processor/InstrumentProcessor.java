package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.execution.ExecutionListener;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.InstrumentExecution;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.RejectEvent;
import io.qps.core.execution.TargetPosition;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.strategy.Strategy;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.codec.InternalCodec;
import io.qps.stream.codec.LedgerEntry;
import io.qps.stream.topology.MergeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The exec task of one partition: its instruments' single-instrument strategies, execution and matching.
 *
 * <p>In {@link MergeMode#GATED} mode ticks (from the router) and cross targets (from the cross task) are buffered
 * in {@link #BUFFER_STORE} under {@link BufferKey}s; a {@link ExecMessage.Marker} for S releases everything with
 * seq &lt;= S in key order, one group (seq S, instrument X) at a time, exactly as the reference handles X at S:
 * X's tick goes to the execution (orders, fills, rejects) and then to X's single-instrument strategies; then
 * every target for X caused at S, local or cross, in (strategy ordinal, sub) order, goes to the execution; then a
 * {@link LedgerEntry} for the tick is forwarded. A tick or target at or below the released seq is a broken
 * invariant and throws.
 *
 * <p>Forwards {@link OrderEvent}, {@link FillEvent}, {@link RejectEvent} and {@link LedgerEntry} values keyed by
 * instrument symbol, timestamped with the cause event's time in ms. Each instrument's state is one entry of
 * {@link #STATE_STORE} under its symbol, rewritten after each group of it.
 */
public final class InstrumentProcessor implements Processor<String, ExecMessage, String, Object> {
    public static final String BUFFER_STORE = "qps-exec-buffer";
    public static final String STATE_STORE = "qps-exec-state";
    private static final String RELEASED = "#released";
    private static final Comparator<TargetPosition> TARGET_ORDER =
            Comparator.<TargetPosition>comparingInt(t -> t.strategy().ordinal()).thenComparingInt(TargetPosition::sub);

    private final Universe universe;
    private final EngineConfig config;
    private final MergeMode mode;
    private final StampingSink sink = new StampingSink();
    private final List<FillEvent> fills = new ArrayList<>();
    private final List<TargetPosition> groupTargets = new ArrayList<>();
    private final ExecutionListener listener = new Forwarder();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<Bytes, byte[]> buffer;
    private KeyValueStore<String, byte[]> state;
    private StrategyLayout layout;
    private InstrumentState[] states;
    private long released;
    private String groupSymbol;
    private long groupMs;

    public InstrumentProcessor(Universe universe, EngineConfig config, MergeMode mode) {
        this.universe = universe;
        this.config = config;
        this.mode = mode;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.buffer = context.getStateStore(BUFFER_STORE);
        this.state = context.getStateStore(STATE_STORE);
        this.states = null;
    }

    /** Loads the heap copy of the stores' state; done at the first record, once any restoration is over. */
    private void load() {
        this.layout = new StrategyLayout(universe, config);
        this.states = new InstrumentState[universe.size()];
        byte[] r = state.get(RELEASED);
        released = r == null ? 0 : StateBytes.toLong(r);
    }

    @Override
    public void process(Record<String, ExecMessage> record) {
        if (states == null) {
            load();
        }
        ExecMessage m = record.value();
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(m.partition());
        if (partition != m.partition()) {
            throw new IllegalStateException("exec record for seq " + m.seq() + " bound to partition " + m.partition()
                    + " was read from partition " + partition);
        }
        if (mode == MergeMode.ARRIVAL_ORDER) {
            processOnArrival(m);
        } else if (m instanceof ExecMessage.Marker k) {
            if (k.seq() <= released) {
                throw new IllegalStateException("exec partition " + partition + ": marker " + k.seq()
                        + " does not advance the released seq " + released);
            }
            releaseThrough(k.seq());
            released = k.seq();
            state.put(RELEASED, StateBytes.ofLong(released));
        } else {
            buffer(m, partition);
        }
    }

    private void buffer(ExecMessage m, int partition) {
        Bytes key;
        int instrument;
        if (m instanceof ExecMessage.Tick t) {
            key = BufferKey.tick(t.event());
            instrument = t.event().instrument();
        } else {
            TargetPosition target = ((ExecMessage.Target) m).target();
            key = BufferKey.target(target);
            instrument = target.instrument();
        }
        if (m.seq() <= released) {
            throw new IllegalStateException("exec partition " + partition + ": " + kind(m) + " seq " + m.seq()
                    + " of instrument " + universe.get(instrument).symbol() + " arrived after seq " + released
                    + " was released");
        }
        if (buffer.putIfAbsent(key, InternalCodec.encode(m)) != null) {
            throw new IllegalStateException("exec partition " + partition + ": " + kind(m) + " seq " + m.seq()
                    + " of instrument " + universe.get(instrument).symbol() + " arrived twice");
        }
    }

    private static String kind(ExecMessage m) {
        return m instanceof ExecMessage.Tick ? "tick" : "target";
    }

    private void processOnArrival(ExecMessage m) {
        groupTargets.clear();
        if (m instanceof ExecMessage.Tick t) {
            process(t.event().seq(), t.event().instrument(), t.event());
        } else if (m instanceof ExecMessage.Target t) {
            groupTargets.add(t.target());
            process(t.target().causeSeq(), t.target().instrument(), null);
        }
    }

    private void releaseThrough(long seq) {
        List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = buffer.range(BufferKey.first(), BufferKey.lastOf(seq))) {
            while (it.hasNext()) {
                entries.add(it.next());
            }
        }
        long groupSeq = -1;
        int groupInstrument = -1;
        MarketEvent tick = null;
        groupTargets.clear();
        for (KeyValue<Bytes, byte[]> entry : entries) {
            ExecMessage m = InternalCodec.decodeExec(entry.value);
            int instrument = m instanceof ExecMessage.Tick t ? t.event().instrument()
                    : ((ExecMessage.Target) m).target().instrument();
            if (m.seq() != groupSeq || instrument != groupInstrument) {
                if (groupSeq >= 0) {
                    process(groupSeq, groupInstrument, tick);
                }
                groupSeq = m.seq();
                groupInstrument = instrument;
                tick = null;
                groupTargets.clear();
            }
            if (m instanceof ExecMessage.Tick t) {
                tick = t.event();
            } else {
                groupTargets.add(((ExecMessage.Target) m).target());
            }
        }
        if (groupSeq >= 0) {
            process(groupSeq, groupInstrument, tick);
        }
        for (KeyValue<Bytes, byte[]> entry : entries) {
            buffer.delete(entry.key);
        }
    }

    /** Handles instrument {@code instrument} at {@code seq}: its tick (may be null), then {@link #groupTargets}. */
    private void process(long seq, int instrument, MarketEvent tick) {
        InstrumentState st = state(instrument);
        groupSymbol = st.instrument.symbol();
        groupMs = Math.floorDiv(tick != null ? tick.timestampMicros()
                : groupTargets.get(0).causeTimestampMicros(), 1000L);
        fills.clear();
        if (tick != null) {
            st.execution.onMarketEvent(tick, listener);
            sink.clear();
            for (Strategy s : st.strategies) {
                sink.begin(tick, s);
                s.onEvent(tick, sink);
            }
            for (TargetPosition t : sink.targets()) {
                if (t.instrument() != instrument) {
                    throw new IllegalStateException(t.strategy().code() + "/" + groupSymbol + " targeted instrument id "
                            + t.instrument() + " at seq " + seq + ": a single-instrument strategy trades only its own");
                }
                groupTargets.add(t);
            }
            groupTargets.sort(TARGET_ORDER);
        }
        for (TargetPosition t : groupTargets) {
            st.execution.onTarget(t, listener);
        }
        if (tick != null) {
            context.forward(new Record<>(groupSymbol, new LedgerEntry(seq, tick.timestampMicros(), instrument,
                    tick.isBook(), tick.bestBid(), tick.bestAsk(), fills), groupMs));
        }
        state.put(groupSymbol, StateBytes.write(st));
    }

    private InstrumentState state(int instrument) {
        InstrumentState st = states[instrument];
        if (st == null) {
            Instrument in = universe.get(instrument);
            st = new InstrumentState(in, new InstrumentExecution(in, config.execution()), layout.local(instrument));
            byte[] stored = state.get(in.symbol());
            if (stored != null) {
                StateBytes.read(stored, in.symbol(), st);
            }
            states[instrument] = st;
        }
        return st;
    }

    private final class Forwarder implements ExecutionListener {
        @Override
        public void onOrder(OrderEvent order) {
            context.forward(new Record<>(groupSymbol, order, groupMs));
        }

        @Override
        public void onFill(FillEvent fill) {
            fills.add(fill);
            context.forward(new Record<>(groupSymbol, fill, groupMs));
        }

        @Override
        public void onReject(RejectEvent reject) {
            context.forward(new Record<>(groupSymbol, reject, groupMs));
        }
    }
}
