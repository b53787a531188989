package io.qps.core.strategy;

import io.qps.core.strategy.indicator.Bar;
import io.qps.core.strategy.indicator.RingBuffer;
import io.qps.core.strategy.indicator.Stats;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Average true range over the last {@code n} bars: the simple mean of
 * {@code max(high - low, |high - prevClose|, |low - prevClose|)} (just {@code high - low} for the
 * first bar). Raw price units.
 */
final class TrueRange {
    private final RingBuffer ranges;
    private boolean hasPrevious;
    private double previousClose;

    TrueRange(int n) {
        this.ranges = new RingBuffer(n);
    }

    void onBar(Bar bar) {
        double range = bar.high() - bar.low();
        if (hasPrevious) {
            range = Math.max(range, Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
        }
        ranges.push(range);
        hasPrevious = true;
        previousClose = bar.close();
    }

    boolean isReady() {
        return ranges.isFull();
    }

    /** The average true range; only when {@link #isReady()}. */
    double value() {
        return Stats.mean(ranges);
    }

    void writeState(DataOutput out) throws IOException {
        ranges.writeState(out);
        out.writeBoolean(hasPrevious);
        out.writeDouble(hasPrevious ? previousClose : 0);
    }

    void readState(DataInput in) throws IOException {
        ranges.readState(in);
        hasPrevious = in.readBoolean();
        previousClose = in.readDouble();
    }
}
