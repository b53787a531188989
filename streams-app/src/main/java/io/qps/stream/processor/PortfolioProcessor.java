package io.qps.stream.processor;

import io.qps.core.engine.EngineConfig;
import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.portfolio.PositionRecord;
import io.qps.stream.codec.InternalCodec;
import io.qps.stream.codec.LedgerEntry;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single portfolio task. Ledger entries arrive in any order across exec partitions; they are buffered by seq
 * and released while the next seq is present (seq is dense: one entry per tick). For each released entry, as the
 * reference does: the portfolio's boundary snapshots and mark update for the tick, then {@link Portfolio#onFill}
 * for each of its fills. Forwards {@link PnlSnapshot}s keyed by book and {@link PositionRecord}s keyed by symbol,
 * timestamped with the tick's time in ms. The released seq is stored under {@link #RELEASED_KEY} of
 * {@link #STATE_STORE} as an 8-byte big-endian long.
 */
public final class PortfolioProcessor implements Processor<String, LedgerEntry, String, Object> {
    public static final String PENDING_STORE = "qps-portfolio-pending";
    public static final String STATE_STORE = "qps-portfolio-state";
    public static final String RELEASED_KEY = "released";
    private static final String PORTFOLIO = "portfolio";

    private final Universe universe;
    private final EngineConfig config;
    private final Consumer<PnlSnapshot> snapshots = this::forwardSnapshot;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<Long, byte[]> pending;
    private KeyValueStore<String, byte[]> state;
    private Portfolio portfolio;
    private long released;
    private long pendingCount;
    private long entryMs;
    private boolean loaded;

    public PortfolioProcessor(Universe universe, EngineConfig config) {
        this.universe = universe;
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING_STORE);
        this.state = context.getStateStore(STATE_STORE);
        this.loaded = false;
    }

    /** Loads the heap copy of the stores' state; done at the first record, once any restoration is over. */
    private void load() {
        this.portfolio = new Portfolio(universe, config.portfolio());
        byte[] p = state.get(PORTFOLIO);
        if (p != null) {
            StateBytes.read(p, "the portfolio", portfolio);
        }
        byte[] r = state.get(RELEASED_KEY);
        released = r == null ? 0 : StateBytes.toLong(r);
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
    public void process(Record<String, LedgerEntry> record) {
        if (!loaded) {
            load();
        }
        LedgerEntry entry = record.value();
        long seq = entry.seq();
        if (seq <= released) {
            throw new IllegalStateException("portfolio task: ledger entry seq " + seq + " of instrument "
                    + universe.get(entry.instrument()).symbol() + " arrived after seq " + released + " was released");
        }
        if (seq != released + 1) {
            if (pending.putIfAbsent(seq, InternalCodec.encode(entry)) != null) {
                throw new IllegalStateException("portfolio task: ledger entry seq " + seq + " arrived twice");
            }
            pendingCount++;
            return;
        }
        release(entry);
        while (pendingCount > 0) {
            byte[] next = pending.delete(released + 1);
            if (next == null) {
                break;
            }
            pendingCount--;
            release(InternalCodec.decodeLedger(next));
        }
        state.put(PORTFOLIO, StateBytes.write(portfolio));
        state.put(RELEASED_KEY, StateBytes.ofLong(released));
    }

    private void release(LedgerEntry e) {
        entryMs = Math.floorDiv(e.timestampMicros(), 1000L);
        portfolio.onMarketEvent(e.seq(), e.timestampMicros(), e.instrument(), e.book(), e.bestBid(), e.bestAsk(),
                snapshots);
        for (FillEvent f : e.fills()) {
            PositionRecord position = portfolio.onFill(f);
            context.forward(new Record<>(f.symbol(), position, entryMs));
        }
        released = e.seq();
    }

    private void forwardSnapshot(PnlSnapshot s) {
        context.forward(new Record<>(s.book(), s, entryMs));
    }
}
