package io.qps.core.strategy;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketEvent;
import java.util.List;
import java.util.Objects;

/**
 * A strategy instance that trades one instrument and sees only its events: named {@code code/SYMBOL},
 * subscribed to that instrument alone. In the streaming application such an instance lives in its
 * instrument's task.
 */
public abstract class SingleInstrumentStrategy implements Strategy {
    /** The instrument this instance trades. */
    protected final Instrument instrument;
    private final List<Integer> subscriptions;

    protected SingleInstrumentStrategy(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.subscriptions = List.of(instrument.id());
    }

    @Override
    public final String instanceName() {
        return id().code() + "/" + instrument.symbol();
    }

    @Override
    public final List<Integer> subscriptions() {
        return subscriptions;
    }

    @Override
    public final void onEvent(MarketEvent event, TargetSink sink) {
        if (event.instrument() == instrument.id()) {
            onInstrumentEvent(event, sink);
        }
    }

    /** Handles the next event of this instance's instrument, in {@code seq} order. */
    protected abstract void onInstrumentEvent(MarketEvent event, TargetSink sink);
}
