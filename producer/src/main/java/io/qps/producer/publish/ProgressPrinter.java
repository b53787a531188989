package io.qps.producer.publish;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints progress: on a terminal one line rewritten in place ({@code \r}) about five times a second; elsewhere (a
 * pipe, a log file, CI) a plain line every {@link #PLAIN_INTERVAL_NANOS}. Each line shows events sent, percent,
 * events/s and the estimated time left.
 */
public final class ProgressPrinter implements Progress {
    /** Interval between plain lines. */
    public static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPrint;

    /**
     * @param out where to print
     * @param terminal whether {@code out} is an interactive terminal ({@code System.console() != null})
     */
    public ProgressPrinter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void update(long sent, long total, long elapsedNanos) {
        long interval = terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
        if (elapsedNanos - lastPrint < interval) {
            return;
        }
        lastPrint = elapsedNanos;
        if (terminal) {
            out.print("\r" + line(sent, total, elapsedNanos) + "   ");
        } else {
            out.println(line(sent, total, elapsedNanos));
        }
        out.flush();
    }

    @Override
    public void finish(long sent, long total, long elapsedNanos) {
        if (terminal) {
            out.print("\r" + line(sent, total, elapsedNanos) + "   \n");
        } else {
            out.println(line(sent, total, elapsedNanos));
        }
        out.flush();
    }

    /** One progress line, e.g. {@code 1,200,000/2,400,000 events (50.0%)  400,000 ev/s  ETA 0:03}. */
    static String line(long sent, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? sent / seconds : 0;
        double pct = total > 0 ? 100.0 * sent / total : 100.0;
        String eta = rate > 0 ? duration((long) Math.ceil((total - sent) / rate)) : "?";
        return String.format(Locale.ROOT, "%,d/%,d events (%.1f%%)  %,.0f ev/s  ETA %s", sent, total, pct, rate, eta);
    }

    /** {@code h:mm:ss} or {@code m:ss}. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
