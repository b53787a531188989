package io.qps.core.strategy;

import io.qps.core.market.MarketEvent;
import io.qps.core.state.Snapshottable;
import java.util.List;

/**
 * A trading strategy instance. It sees the market events of the instruments it subscribes to, in
 * {@code seq} order, and states target positions. Its decisions are a pure function of those events
 * and its own state: no clock, no randomness, no fills.
 *
 * <p>Single-instrument strategies are instantiated once per instrument (so that in the streaming
 * application each instance lives in its instrument's task); cross-instrument strategies once per
 * session.
 */
public interface Strategy extends Snapshottable {
    StrategyId id();

    /**
     * A name for this instance that is unique within a session: the strategy code, and for a
     * per-instrument instance {@code code/SYMBOL}.
     */
    String instanceName();

    /** The instrument ids whose events this instance must see, ascending. */
    List<Integer> subscriptions();

    /** Handles the next event of a subscribed instrument. */
    void onEvent(MarketEvent event, TargetSink sink);
}
