package io.qps.core.stats;

import io.qps.core.portfolio.PnlSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * One book's equity curve: its {@link PnlSnapshot} samples in boundary order (the order the portfolio
 * emits them). PnL is money ({@code Money} units); equity is {@code capital + totalPnl}. The curve starts at
 * PnL 0; its last sample is the book's final PnL.
 *
 * @param book a strategy code or {@link PnlSnapshot#TOTAL}
 * @param samples the book's samples, boundaries strictly increasing
 */
public record EquityCurve(String book, List<PnlSnapshot> samples) {
    /** A UTC day of event time. */
    public static final long DAY_MICROS = 86_400_000_000L;
    /** An hour of event time. */
    public static final long HOUR_MICROS = 3_600_000_000L;

    public EquityCurve {
        samples = List.copyOf(samples);
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).boundaryMicros() <= samples.get(i - 1).boundaryMicros()) {
                throw new IllegalArgumentException("book " + book + ": sample boundaries must increase, "
                        + samples.get(i - 1).boundaryMicros() + " then " + samples.get(i).boundaryMicros());
            }
        }
    }

    /** The samples of {@code book} among {@code all} (a run's PnL stream in causal-key order). */
    public static EquityCurve of(String book, List<PnlSnapshot> all) {
        List<PnlSnapshot> mine = new ArrayList<>();
        for (PnlSnapshot s : all) {
            if (s.book().equals(book)) {
                mine.add(s);
            }
        }
        return new EquityCurve(book, mine);
    }

    /** The last sample, or null when the curve is empty. */
    public PnlSnapshot last() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    /** The total PnL of the last sample (0 when the curve is empty): the book's final PnL. */
    public long finalPnl() {
        PnlSnapshot last = last();
        return last == null ? 0 : last.totalPnl();
    }

    /**
     * Returns per period of {@code periodMicros} (a UTC day, an hour): the change of total PnL between the last
     * samples of consecutive periods that have samples, over {@code capital}. A sample at boundary {@code b}
     * covers events before {@code b}, so it closes the period holding {@code b - 1}. The first period's change
     * is from PnL 0.
     */
    public List<PeriodReturn> returns(long periodMicros, long capital) {
        List<PeriodReturn> out = new ArrayList<>();
        long previousPnl = 0;
        for (int i = 0; i < samples.size(); i++) {
            PnlSnapshot s = samples.get(i);
            long period = Math.floorDiv(s.boundaryMicros() - 1, periodMicros);
            boolean closes = i == samples.size() - 1
                    || Math.floorDiv(samples.get(i + 1).boundaryMicros() - 1, periodMicros) != period;
            if (closes) {
                long change = Math.subtractExact(s.totalPnl(), previousPnl);
                out.add(new PeriodReturn(Math.multiplyExact(period, periodMicros), s.totalPnl(),
                        (double) change / capital));
                previousPnl = s.totalPnl();
            }
        }
        return out;
    }

    /** Per-sample returns: the change of total PnL from the previous sample (from 0 for the first), over capital. */
    public double[] sampleReturns(long capital) {
        double[] out = new double[samples.size()];
        long previous = 0;
        for (int i = 0; i < out.length; i++) {
            long pnl = samples.get(i).totalPnl();
            out[i] = (double) Math.subtractExact(pnl, previous) / capital;
            previous = pnl;
        }
        return out;
    }

    /** The drawdown of each sample: its running peak PnL (from 0) minus its PnL, money, non-negative. */
    public long[] underwater() {
        long[] out = new long[samples.size()];
        long peak = 0;
        for (int i = 0; i < out.length; i++) {
            long pnl = samples.get(i).totalPnl();
            peak = Math.max(peak, pnl);
            out[i] = Math.subtractExact(peak, pnl);
        }
        return out;
    }

    /** Maximum drawdown in money and percent of peak equity, and its longest duration in event time. */
    public Drawdown drawdown(long capital) {
        if (samples.isEmpty()) {
            return new Drawdown(0, 0.0, 0);
        }
        long peak = 0;
        long peakTime = samples.get(0).boundaryMicros();
        boolean under = false;
        long maxMoney = 0;
        double maxPct = 0.0;
        long maxDuration = 0;
        for (PnlSnapshot s : samples) {
            long pnl = s.totalPnl();
            if (pnl >= peak) {
                if (under) {
                    maxDuration = Math.max(maxDuration, s.boundaryMicros() - peakTime);
                    under = false;
                }
                peak = pnl;
                peakTime = s.boundaryMicros();
            } else {
                under = true;
                long fall = Math.subtractExact(peak, pnl);
                maxMoney = Math.max(maxMoney, fall);
                maxPct = Math.max(maxPct, (double) fall / Math.addExact(capital, peak));
            }
        }
        if (under) {
            maxDuration = Math.max(maxDuration, last().boundaryMicros() - peakTime);
        }
        return new Drawdown(maxMoney, maxPct, maxDuration);
    }

    /** Share of samples with non-zero gross exposure; null when the curve is empty. */
    public Double exposure() {
        if (samples.isEmpty()) {
            return null;
        }
        long exposed = 0;
        for (PnlSnapshot s : samples) {
            if (s.grossExposure() != 0) {
                exposed++;
            }
        }
        return (double) exposed / samples.size();
    }

    /**
     * A period's return.
     *
     * @param periodStartMicros start of the period (UTC, event time)
     * @param closingPnl total PnL at the period's last sample (money)
     * @param value the PnL change over the period divided by capital
     */
    public record PeriodReturn(long periodStartMicros, long closingPnl, double value) {
    }

    /**
     * A curve's worst drawdown.
     *
     * @param maxMoney largest fall of total PnL from its running peak (money, non-negative)
     * @param maxPct largest fall of equity from its running peak, over that peak equity ({@code capital + peak})
     * @param maxDurationMicros longest event time from a peak to the first sample at or above it again (or the
     *     last sample), microseconds
     */
    public record Drawdown(long maxMoney, double maxPct, long maxDurationMicros) {
    }
}
