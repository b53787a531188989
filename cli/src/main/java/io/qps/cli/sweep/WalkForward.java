package io.qps.cli.sweep;

import io.qps.core.market.MarketEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Walk-forward windows over event time: window k trains on {@code [start + k*test, start + k*test + train)} and is
 * tested on the {@code test} that follows, so consecutive test periods tile the data without overlap. Windows are
 * made while a test period starts before {@code end}; the last one may be cut short by the end of the data.
 */
public final class WalkForward {
    /** One window, microseconds of event time, half-open intervals; {@code trainEnd} is the test's start. */
    public record Window(int index, long trainStart, long trainEnd, long testEnd) {
    }

    private WalkForward() {
    }

    /**
     * @param start the first window's start (the dataset's start)
     * @param end the end of the data, exclusive (the last event's time + 1)
     */
    public static List<Window> windows(long start, long end, long trainMicros, long testMicros) {
        if (trainMicros <= 0 || testMicros <= 0) {
            throw new IllegalArgumentException("train and test periods must be positive");
        }
        List<Window> out = new ArrayList<>();
        for (long s = start; Math.addExact(s, trainMicros) < end; s = Math.addExact(s, testMicros)) {
            long trainEnd = s + trainMicros;
            out.add(new Window(out.size(), s, trainEnd, Math.min(Math.addExact(trainEnd, testMicros), end)));
        }
        return out;
    }

    /** The events with {@code from <= timestamp < to}: a view of {@code events}, which are in time order. */
    public static List<MarketEvent> slice(List<MarketEvent> events, long from, long to) {
        return events.subList(firstAtOrAfter(events, from), firstAtOrAfter(events, to));
    }

    /**
     * The point chosen on a window's training results: the highest total PnL; among equal totals, the earliest in
     * sweep order.
     */
    public static int best(List<SweepRunner.PointResult> train) {
        int best = -1;
        for (int i = 0; i < train.size(); i++) {
            if (best < 0 || train.get(i).stats().totalPnl() > train.get(best).stats().totalPnl()) {
                best = i;
            }
        }
        return best;
    }

    private static int firstAtOrAfter(List<MarketEvent> events, long time) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).timestampMicros() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
