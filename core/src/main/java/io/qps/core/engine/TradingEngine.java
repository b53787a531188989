package io.qps.core.engine;

import io.qps.core.execution.ExecutionEngine;
import io.qps.core.execution.ExecutionListener;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.RejectEvent;
import io.qps.core.execution.TargetPosition;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketView;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.BoundaryStrategy;
import io.qps.core.strategy.Strategy;
import io.qps.core.strategy.StrategyFactory;
import io.qps.core.strategy.StrategyId;
import io.qps.core.strategy.TargetSink;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The trading work of a set of instruments (all of them in the reference engine, a partition's in the
 * streaming application): marks, execution, holdings and the per-event strategies of those instruments,
 * plus the boundary strategies that trade any of them. This is the one place the per-event step is
 * written; both the reference engine and the stream processors call it.
 *
 * <h2>The per-event step</h2>
 * For a market event {@code e} of an owned instrument, in {@code seq} order among that instrument's events:
 * <ol>
 *   <li>the portfolio takes {@code e}'s mid as the instrument's mark;</li>
 *   <li>the instrument's execution matches its working orders against {@code e}; each fill updates the
 *       holding, which emits the strategy's new position;</li>
 *   <li>every per-event strategy subscribed to the instrument (in creation order) handles {@code e}; each
 *       target goes straight to the execution, stamped with cause {@code e.seq()} and its index among
 *       that instance's targets for {@code e}.</li>
 * </ol>
 *
 * <h2>Boundaries</h2>
 * {@link #onBoundary} runs the boundary strategies due at a boundary B, in creation order, on a
 * {@link MarketView} holding exactly the events before B. A strategy's targets are stamped with cause
 * = the highest seq of its instruments' events before B (0 if none), time B, and their index among its
 * targets at B. Only the targets of owned instruments reach the execution; a boundary strategy runs in
 * every engine that owns one of its instruments, so its state is the same in all of them. Boundary B
 * must be run after every owned event before B and before every owned event at or after B.
 */
public final class TradingEngine implements Snapshottable {
    private final Universe universe;
    private final boolean[] owned;
    private final Portfolio portfolio;
    private final ExecutionEngine execution;
    private final List<Strategy> eventStrategies = new ArrayList<>();
    private final List<BoundaryStrategy> boundaryStrategies = new ArrayList<>();
    private final Strategy[][] subscribers;
    private final ExecutionListener listener;
    private final StampingSink stamping = new StampingSink();
    private EngineSink sink;

    /**
     * @param owned per instrument id, whether this engine trades it; the per-event strategies of unowned
     *     instruments are not created, nor the boundary strategies that trade no owned instrument
     */
    public TradingEngine(Universe universe, EngineConfig config, boolean[] owned) {
        this.universe = Objects.requireNonNull(universe, "universe");
        if (owned.length != universe.size()) {
            throw new IllegalArgumentException("ownership given for " + owned.length + " of " + universe.size()
                    + " instruments");
        }
        this.owned = owned.clone();
        this.portfolio = new Portfolio(universe, config.portfolio());
        this.execution = new ExecutionEngine(universe, config.execution());
        for (Strategy s : StrategyFactory.create(config.strategies(), universe)) {
            boolean any = s.subscriptions().stream().anyMatch(i -> this.owned[i]);
            if (s instanceof BoundaryStrategy b) {
                if (any) {
                    boundaryStrategies.add(b);
                }
            } else if (any) {
                if (!s.subscriptions().stream().allMatch(i -> this.owned[i])) {
                    throw new IllegalArgumentException(s.instanceName() + " sees every event of several instruments,"
                            + " which must then be owned together");
                }
                eventStrategies.add(s);
            }
        }
        this.subscribers = subscribersByInstrument(universe.size(), eventStrategies);
        this.listener = new ExecutionListener() {
            @Override
            public void onOrder(OrderEvent order) {
                sink.onOrder(order);
            }

            @Override
            public void onFill(FillEvent fill) {
                sink.onFill(fill);
                sink.onPosition(portfolio.onFill(fill));
            }

            @Override
            public void onReject(RejectEvent reject) {
                sink.onReject(reject);
            }
        };
    }

    /** An engine that owns every instrument of {@code universe}. */
    public static TradingEngine ofAll(Universe universe, EngineConfig config) {
        boolean[] all = new boolean[universe.size()];
        java.util.Arrays.fill(all, true);
        return new TradingEngine(universe, config, all);
    }

    private static Strategy[][] subscribersByInstrument(int size, List<Strategy> strategies) {
        List<List<Strategy>> lists = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>());
        }
        for (Strategy s : strategies) {
            for (int instrument : s.subscriptions()) {
                lists.get(instrument).add(s);
            }
        }
        Strategy[][] result = new Strategy[size][];
        for (int i = 0; i < size; i++) {
            result[i] = lists.get(i).toArray(new Strategy[0]);
        }
        return result;
    }

    /** The per-event step for an event of an owned instrument. */
    public void onEvent(MarketEvent e, EngineSink out) {
        if (!owned[e.instrument()]) {
            throw new IllegalArgumentException("event " + e.seq() + " of " + universe.get(e.instrument()).symbol()
                    + ", an instrument this engine does not own");
        }
        sink = out;
        portfolio.mark(e);
        execution.onMarketEvent(e, listener);
        for (Strategy strategy : subscribers[e.instrument()]) {
            stamping.begin(e.seq(), e.timestampMicros(), strategy.id());
            strategy.onEvent(e, stamping);
        }
    }

    /** Whether any boundary strategy of this engine decides at {@code boundaryMicros}. */
    public boolean decidesAt(long boundaryMicros) {
        for (BoundaryStrategy b : boundaryStrategies) {
            if (BoundaryGrid.isMultiple(boundaryMicros, b.intervalMicros())) {
                return true;
            }
        }
        return false;
    }

    /** Runs the boundary strategies due at {@code boundaryMicros} on {@code view} (events before it). */
    public void onBoundary(long boundaryMicros, MarketView view, EngineSink out) {
        sink = out;
        for (BoundaryStrategy b : boundaryStrategies) {
            if (!BoundaryGrid.isMultiple(boundaryMicros, b.intervalMicros())) {
                continue;
            }
            long cause = 0;
            for (int i : b.subscriptions()) {
                cause = Math.max(cause, view.lastSeq(i));
            }
            stamping.begin(cause, boundaryMicros, b.id());
            b.onBoundary(boundaryMicros, view, stamping);
        }
    }

    /** The boundary strategies that trade an owned instrument, in creation order. */
    public List<BoundaryStrategy> boundaryStrategies() {
        return List.copyOf(boundaryStrategies);
    }

    /** The boundaries' intervals: the equity curve's and every boundary strategy's. */
    public BoundaryGrid grid(long sampleIntervalMicros) {
        long[] intervals = new long[boundaryStrategies.size() + 1];
        intervals[0] = sampleIntervalMicros;
        for (int i = 0; i < boundaryStrategies.size(); i++) {
            intervals[i + 1] = boundaryStrategies.get(i).intervalMicros();
        }
        return new BoundaryGrid(intervals);
    }

    /** This engine's share of the portfolio's figures ({@link Portfolio#figures()}). */
    public long[][] figures() {
        return portfolio.figures();
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    /** Per-event and boundary strategy instances of this engine, in creation order within each kind. */
    public List<Strategy> strategies() {
        List<Strategy> all = new ArrayList<>(eventStrategies);
        all.addAll(boundaryStrategies);
        all.sort((a, b) -> Integer.compare(a.id().ordinal(), b.id().ordinal()));
        return all;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        portfolio.writeState(out);
        execution.writeState(out);
        List<Strategy> all = strategies();
        out.writeInt(all.size());
        for (Strategy s : all) {
            out.writeUTF(s.instanceName());
            s.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        portfolio.readState(in);
        execution.readState(in);
        List<Strategy> all = strategies();
        int count = in.readInt();
        if (count != all.size()) {
            throw new IOException("state has " + count + " strategies, this engine runs " + all.size());
        }
        for (Strategy s : all) {
            String name = in.readUTF();
            if (!name.equals(s.instanceName())) {
                throw new IOException("state of strategy " + name + " where " + s.instanceName() + " was expected");
            }
            s.readState(in);
        }
    }

    /** Stamps a strategy's targets with their cause and hands those of owned instruments to the execution. */
    private final class StampingSink implements TargetSink {
        private long causeSeq;
        private long causeMicros;
        private StrategyId strategy;
        private int sub;

        void begin(long seq, long micros, StrategyId s) {
            this.causeSeq = seq;
            this.causeMicros = micros;
            this.strategy = s;
            this.sub = 0;
        }

        @Override
        public void target(int instrument, long quantity) {
            submit(instrument, quantity, OrderType.MARKET, 0L);
        }

        @Override
        public void targetLimit(int instrument, long quantity, long limitPrice) {
            submit(instrument, quantity, OrderType.LIMIT, limitPrice);
        }

        private void submit(int instrument, long quantity, OrderType type, long limitPrice) {
            TargetPosition target = new TargetPosition(causeSeq, causeMicros, strategy, sub++, instrument, quantity,
                    type, limitPrice);
            if (instrument < 0 || instrument >= owned.length || owned[instrument]) {
                execution.onTarget(target, listener);
            }
        }
    }
}
