package io.qps.stream.processor;

import io.qps.core.execution.OrderType;
import io.qps.core.execution.TargetPosition;
import io.qps.core.market.MarketEvent;
import io.qps.core.strategy.Strategy;
import io.qps.core.strategy.TargetSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a strategy's targets for one event, stamped exactly as the reference engine stamps them: cause seq and
 * time of the event, the strategy, and {@code sub} = index among that instance's targets for the event.
 */
final class StampingSink implements TargetSink {
    private final List<TargetPosition> targets = new ArrayList<>();
    private MarketEvent cause;
    private Strategy strategy;
    private int sub;

    /** Starts collecting for {@code s} handling {@code event}; earlier targets stay collected. */
    void begin(MarketEvent event, Strategy s) {
        this.cause = event;
        this.strategy = s;
        this.sub = 0;
    }

    @Override
    public void target(int instrument, long quantity) {
        add(instrument, quantity, OrderType.MARKET, 0L);
    }

    @Override
    public void targetLimit(int instrument, long quantity, long limitPrice) {
        add(instrument, quantity, OrderType.LIMIT, limitPrice);
    }

    private void add(int instrument, long quantity, OrderType type, long limitPrice) {
        targets.add(new TargetPosition(cause.seq(), cause.timestampMicros(), strategy.id(), sub++, instrument,
                quantity, type, limitPrice));
    }

    /** The targets collected since the last {@link #clear()}, in statement order. */
    List<TargetPosition> targets() {
        return targets;
    }

    void clear() {
        targets.clear();
    }
}
