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
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.Strategy;
import io.qps.core.strategy.StrategyFactory;
import io.qps.core.strategy.TargetSink;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the trading core over a dataset in one thread: the oracle the streaming application must equal.
 *
 * <p>For each market event {@code e}, in {@code seq} order:
 * <ol>
 *   <li>the portfolio emits the PnL snapshots of every sampling boundary {@code e} crosses (reflecting
 *       all earlier events), then marks {@code e}'s instrument to its new mid;</li>
 *   <li>the execution step of {@code e}'s instrument matches its active orders against {@code e}; each fill
 *       updates the portfolio, which emits the strategy's new position;</li>
 *   <li>every strategy instance subscribed to {@code e}'s instrument (in creation order) handles {@code e};
 *       each target it states goes straight to the execution step, stamped with cause {@code e.seq()} and
 *       its index among that instance's targets for {@code e}. Orders so created can only fill against
 *       events after {@code e}.</li>
 * </ol>
 * The engine is a plain object: feed it events with {@link #onEvent(MarketEvent)}. Its whole state
 * (portfolio, execution, every strategy) can be saved and restored, which is how the tests prove that
 * a restart mid-stream changes nothing.
 */
public final class ReferenceEngine implements Snapshottable {
    private final Portfolio portfolio;
    private final ExecutionEngine execution;
    private final List<Strategy> strategies;
    private final Strategy[][] subscribers;
    private final EngineSink sink;
    private final ExecutionListener executionListener;
    private final Consumer<PnlSnapshot> pnlSink;
    private final CauseStampingSink targetSink = new CauseStampingSink();
    private long lastSeq;

    public ReferenceEngine(Universe universe, EngineConfig config, EngineSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.pnlSink = sink::onPnl;
        this.portfolio = new Portfolio(universe, config.portfolio());
        this.execution = new ExecutionEngine(universe, config.execution());
        this.strategies = List.copyOf(StrategyFactory.create(config.strategies(), universe));
        this.subscribers = subscribersByInstrument(universe, strategies);
        this.executionListener = new ExecutionListener() {
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

    private static Strategy[][] subscribersByInstrument(Universe universe, List<Strategy> strategies) {
        List<List<Strategy>> lists = new ArrayList<>();
        for (int i = 0; i < universe.size(); i++) {
            lists.add(new ArrayList<>());
        }
        for (Strategy s : strategies) {
            for (int instrument : s.subscriptions()) {
                lists.get(instrument).add(s);
            }
        }
        Strategy[][] result = new Strategy[universe.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = lists.get(i).toArray(new Strategy[0]);
        }
        return result;
    }

    /** Processes the next event; events must arrive with strictly increasing {@code seq}. */
    public void onEvent(MarketEvent event) {
        if (event.seq() <= lastSeq) {
            throw new IllegalStateException("event seq " + event.seq() + " after " + lastSeq + ": events must be in seq order");
        }
        lastSeq = event.seq();
        portfolio.onMarketEvent(event, pnlSink);
        execution.onMarketEvent(event, executionListener);
        Strategy[] subscribed = subscribers[event.instrument()];
        for (Strategy strategy : subscribed) {
            targetSink.begin(event, strategy);
            strategy.onEvent(event, targetSink);
        }
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    /** The strategy instances, in creation order. */
    public List<Strategy> strategies() {
        return strategies;
    }

    /** The {@code seq} of the last event processed (0 before the first). */
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeLong(lastSeq);
        portfolio.writeState(out);
        execution.writeState(out);
        out.writeInt(strategies.size());
        for (Strategy s : strategies) {
            out.writeUTF(s.instanceName());
            s.writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        lastSeq = in.readLong();
        portfolio.readState(in);
        execution.readState(in);
        int count = in.readInt();
        if (count != strategies.size()) {
            throw new IOException("state has " + count + " strategies, this engine runs " + strategies.size());
        }
        for (Strategy s : strategies) {
            String name = in.readUTF();
            if (!name.equals(s.instanceName())) {
                throw new IOException("state of strategy " + name + " where " + s.instanceName() + " was expected");
            }
            s.readState(in);
        }
    }

    /** Stamps a strategy's targets with their cause and hands them to the execution step. */
    private final class CauseStampingSink implements TargetSink {
        private MarketEvent cause;
        private Strategy strategy;
        private int sub;

        void begin(MarketEvent event, Strategy s) {
            this.cause = event;
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
            TargetPosition target = new TargetPosition(cause.seq(), cause.timestampMicros(), strategy.id(), sub++,
                    instrument, quantity, type, limitPrice);
            execution.onTarget(target, executionListener);
        }
    }
}
