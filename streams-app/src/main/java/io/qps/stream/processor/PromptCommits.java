package io.qps.stream.processor;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * When a task asks Kafka Streams for a commit ahead of {@code commit.interval.ms}: under {@code exactly_once_v2} an
 * output is seen by other tasks and by {@code read_committed} readers only once its transaction commits, so at a
 * real-time pace an order decided at a boundary would wait for two commit intervals (the summary's, then the
 * order's). With prompt commits on, a task that forwarded something (an order, a fill, a position, a summary, a PnL
 * share or snapshot) asks for a commit once the record is processed ({@code ProcessorContext.commit()}), at most
 * once per {@link #GAP_MS} ms of the task's wall clock; a commit in between (requested or on the interval) settles
 * what was owed. A stream thread whose tasks took more than {@link #BUSY_RECORDS} records since its last commit is
 * catching up (a backlog after a start or a burst, a full-speed publisher): its tasks ask for nothing and the
 * interval batches their outputs, so prompt commits cost nothing where throughput matters. (The count is the
 * thread's, not the task's: a commit commits every task of the thread, and the portfolio task takes few records
 * however busy the thread is.)
 *
 * <p>A commit decides when outputs become visible, never what they are (the state at a commit matches the input
 * offsets it commits, whenever it falls). The runner turns this on for live runs at a real-time pace and off for
 * replays and full-speed publishing, where the interval batches many outputs into each transaction.
 */
public final class PromptCommits {
    /** The application config that turns prompt commits on ({@code "true"}); off when absent. */
    public static final String CONFIG = "qps.prompt.commits";
    /** The least wall time between two commits a task asks for. */
    public static final long GAP_MS = 10;
    /** More records than this since the thread's last commit: it is catching up, and its tasks do not ask. */
    public static final int BUSY_RECORDS = 256;

    private final boolean on;
    private long lastMs = Long.MIN_VALUE / 2;
    private boolean owed;
    /** Records the current stream thread's tasks took since its last commit (capped just above BUSY_RECORDS). */
    private static final ThreadLocal<int[]> SINCE_COMMIT = ThreadLocal.withInitial(() -> new int[1]);

    PromptCommits(boolean on) {
        this.on = on;
    }

    /** On when the application's configs say so. */
    static PromptCommits of(Map<String, Object> appConfigs) {
        Object v = appConfigs.get(CONFIG);
        return new PromptCommits(v != null && Boolean.parseBoolean(v.toString()));
    }

    /** The task took an input record (counted only when on: a replay pays nothing per record). */
    void processed() {
        if (!on) {
            return;
        }
        int[] since = SINCE_COMMIT.get();
        if (since[0] <= BUSY_RECORDS) {
            since[0]++;
        }
    }

    /** The task forwarded a record that someone waits for. */
    void forwarded() {
        owed = on;
    }

    /** The task's state is being committed now ({@code clock}, read only when on): nothing is owed any more. */
    void committed(LongSupplier clock) {
        if (on) {
            owed = false;
            SINCE_COMMIT.get()[0] = 0;
            lastMs = clock.getAsLong();
        }
    }

    /**
     * After a record: whether to ask for a commit now (and if so, it counts as asked). The wall clock (the task's,
     * in ms) is read only when something is owed.
     */
    boolean due(LongSupplier clock) {
        if (!owed || SINCE_COMMIT.get()[0] > BUSY_RECORDS) {
            return false;
        }
        long nowMs = clock.getAsLong();
        if (nowMs - lastMs < GAP_MS) {
            return false;
        }
        owed = false;
        lastMs = nowMs;
        return true;
    }
}
