package io.qps.core.strategy.indicator;

import io.qps.core.market.MarketEvent;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Builds one instrument's bars of a fixed event-time period from its mid prices.
 *
 * <p>Periods are aligned to the epoch: an event at time {@code t} belongs to the period starting at
 * {@code floorDiv(t, period) * period}. The open bar closes when the first event of the instrument
 * at or after the bar's end arrives (any event, a trade included); only book events (quotes and
 * book updates) carry a price, their mid {@code (bestBid + bestAsk) / 2}, so a bar opens with the
 * first book event of its period. Periods without book events produce no bar. Updating is O(1) and
 * allocation-free except for the {@link Bar} returned when one closes.
 */
public final class BarBuilder {
    private final long periodMicros;
    private boolean open;
    private long startMicros;
    private long endMicros;
    private double openPrice;
    private double high;
    private double low;
    private double close;

    /** @param periodMicros the bar period in microseconds, positive */
    public BarBuilder(long periodMicros) {
        if (periodMicros <= 0) {
            throw new IllegalArgumentException("bar period must be positive, was " + periodMicros);
        }
        this.periodMicros = periodMicros;
    }

    /** The mid of a book event as a raw price, {@code (bestBid + bestAsk) / 2}; NaN for a trade. */
    public static double mid(MarketEvent event) {
        return event.isBook() ? (event.bestBid() + (double) event.bestAsk()) * 0.5 : Double.NaN;
    }

    /**
     * Feeds the next event of the instrument. Returns the bar this event closed (then the event
     * itself already belongs to the next bar), or {@code null} when no bar closed.
     */
    public Bar onEvent(MarketEvent event) {
        return onPrice(event.timestampMicros(), mid(event));
    }

    /**
     * Feeds an event at {@code timestampMicros} with mid {@code price}, or NaN when the event carries
     * no price. Returns the closed bar or {@code null}, as {@link #onEvent}.
     */
    public Bar onPrice(long timestampMicros, double price) {
        Bar closed = null;
        if (open && timestampMicros >= endMicros) {
            closed = new Bar(startMicros, openPrice, high, low, close);
            open = false;
        }
        if (!Double.isNaN(price)) {
            if (!open) {
                open = true;
                startMicros = Math.floorDiv(timestampMicros, periodMicros) * periodMicros;
                endMicros = startMicros + periodMicros;
                openPrice = price;
                high = price;
                low = price;
            } else {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
            close = price;
        }
        return closed;
    }

    public long periodMicros() {
        return periodMicros;
    }

    /** Whether a bar is open (has received a price and not yet closed). */
    public boolean isOpen() {
        return open;
    }

    /** Writes the open bar (if any); the period is configuration and is not written. */
    public void writeState(DataOutput out) throws IOException {
        out.writeBoolean(open);
        if (open) {
            out.writeLong(startMicros);
            out.writeDouble(openPrice);
            out.writeDouble(high);
            out.writeDouble(low);
            out.writeDouble(close);
        }
    }

    public void readState(DataInput in) throws IOException {
        open = in.readBoolean();
        if (open) {
            startMicros = in.readLong();
            endMicros = startMicros + periodMicros;
            openPrice = in.readDouble();
            high = in.readDouble();
            low = in.readDouble();
            close = in.readDouble();
        } else {
            startMicros = 0;
            endMicros = 0;
            openPrice = 0;
            high = 0;
            low = 0;
            close = 0;
        }
    }
}
