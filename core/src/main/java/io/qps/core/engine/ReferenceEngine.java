package io.qps.core.engine;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketView;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.Strategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the trading core over a dataset in one thread: the oracle the streaming application must equal.
 *
 * <p>For each market event {@code e}, in {@code seq} order:
 * <ol>
 *   <li>for every boundary B that {@code e} crosses ({@code lastTs < B <= e.timestampMicros()}; the first
 *       event crosses none), in increasing order: if B is an equity-curve boundary, the snapshots of B
 *       (reflecting all events before {@code e}, keyed by {@code e.seq}); then the boundary strategies
 *       due at B ({@link TradingEngine#onBoundary}) on the last books before B;</li>
 *   <li>the per-event step of {@link TradingEngine#onEvent} for {@code e}.</li>
 * </ol>
 * The engine is a plain object: feed it events with {@link #onEvent(MarketEvent)}. Its whole state can
 * be saved and restored, which is how the tests prove that a restart mid-stream changes nothing.
 */
public final class ReferenceEngine implements Snapshottable {
    private final TradingEngine engine;
    private final MarketView view;
    private final BoundaryGrid grid;
    private final long sampleInterval;
    private final PnlSampler sampler = new PnlSampler();
    private final EngineSink sink;
    private final Consumer<PnlSnapshot> pnlSink;
    private long lastSeq;
    private long lastTs;

    public ReferenceEngine(Universe universe, EngineConfig config, EngineSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.pnlSink = sink::onPnl;
        this.engine = TradingEngine.ofAll(universe, config);
        this.view = new MarketView(universe.size());
        this.sampleInterval = config.portfolio().sampleIntervalMicros();
        this.grid = engine.grid(sampleInterval);
    }

    /** Processes the next event; events must arrive with strictly increasing {@code seq}. */
    public void onEvent(MarketEvent event) {
        if (event.seq() <= lastSeq) {
            throw new IllegalStateException("event seq " + event.seq() + " after " + lastSeq + ": events must be in seq order");
        }
        long ts = event.timestampMicros();
        if (lastSeq > 0) {
            for (long b = grid.next(lastTs); b <= ts; b = grid.next(b)) {
                if (BoundaryGrid.isMultiple(b, sampleInterval)) {
                    sampler.emit(b, event.seq(), engine.figures(), pnlSink);
                }
                engine.onBoundary(b, view, sink);
            }
        }
        lastSeq = event.seq();
        lastTs = ts;
        view.onEvent(event);
        engine.onEvent(event, sink);
    }

    public Portfolio portfolio() {
        return engine.portfolio();
    }

    /** The strategy instances, in creation order. */
    public List<Strategy> strategies() {
        return engine.strategies();
    }

    /** The {@code seq} of the last event processed (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(lastSeq);
        out.writeLong(lastTs);
        view.writeState(out);
        sampler.writeState(out);
        engine.writeState(out);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        lastSeq = in.readLong();
        lastTs = in.readLong();
        view.readState(in);
        sampler.readState(in);
        engine.readState(in);
    }
}
