package io.qps.runner;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * What a run does when a stream thread dies. An error of Kafka itself (a transaction or producer error after a
 * broker bounce, a timeout, a fenced producer) costs time, not the run: the thread is replaced, its tasks restore
 * from their changelogs and go on from the last commit, exactly once. Anything else (bad input under the fail
 * policy, a broken invariant in the trading core) stops the run with its cause, as does a thread that keeps dying:
 * more than {@link #MAX_REPLACEMENTS} replacements within {@link #WINDOW_NANOS}.
 */
final class RecoveringHandler implements StreamsUncaughtExceptionHandler {
    static final int MAX_REPLACEMENTS = 10;
    static final long WINDOW_NANOS = 120_000_000_000L;

    private final AtomicReference<Throwable> failure;
    private final Consumer<String> log;
    private final ArrayDeque<Long> replacements = new ArrayDeque<>();

    RecoveringHandler(AtomicReference<Throwable> failure, Consumer<String> log) {
        this.failure = failure;
        this.log = log;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        long now = System.nanoTime();
        while (!replacements.isEmpty() && now - replacements.peekFirst() > WINDOW_NANOS) {
            replacements.pollFirst();
        }
        if (recoverable(e) && replacements.size() < MAX_REPLACEMENTS) {
            replacements.addLast(now);
            log.accept("a stream thread died of a Kafka error, replacing it (its tasks go on from their last commit): "
                    + StallReport.rootMessage(e));
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        failure.compareAndSet(null, e);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /**
     * A Kafka error all the way down: no exception of the application's own code in the chain, and no
     * authentication or authorization failure (retrying cannot fix a password or an ACL; it must be said at once).
     */
    static boolean recoverable(Throwable e) {
        boolean kafka = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthenticationException
                    || t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return false;
            }
            if (t instanceof KafkaException) {
                kafka = true;
            } else {
                return false;
            }
        }
        return kafka;
    }
}
