package io.qps.core.strategy;

import io.qps.core.market.MarketEvent;
import io.qps.core.market.MarketView;

/**
 * A strategy that decides only at event-time boundaries, from the last books of its instruments: the
 * cross-instrument strategies. At each multiple B of {@link #intervalMicros()} that the session's event
 * stream crosses (some event before B, some at or after it), it reads a {@link MarketView} holding
 * exactly the events before B and states targets.
 *
 * <p>Deciding at boundaries, not on every event, is what lets the streaming application run these
 * strategies without funnelling every tick through one task: each partition sends a small summary of
 * its instruments per boundary. The targets of boundary B are caused by the last event of the
 * strategy's instruments before B (its seq is their cause) and stamped with time B, so an order they
 * create is active from its instrument's first event at or after B.
 */
public interface BoundaryStrategy extends Strategy {
    /** Boundaries are the multiples of this, microseconds of event time since the epoch. */
    long intervalMicros();

    /** Decides at boundary {@code boundaryMicros} from {@code view}, which holds the events before it. */
    void onBoundary(long boundaryMicros, MarketView view, TargetSink sink);

    /** Boundary strategies see no single events. */
    @Override
    default void onEvent(MarketEvent event, TargetSink sink) {
        throw new UnsupportedOperationException(instanceName() + " decides at boundaries, not per event");
    }
}
