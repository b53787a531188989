package io.qps.runner;

import io.qps.producer.publish.TopicAdmin;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;

/**
 * The open transactions a killed process of a session's application left behind, aborted before the application
 * starts again.
 *
 * <p>Under {@code exactly_once_v2} each stream thread's producer has the transactional id
 * {@code <application.id>-<process id>-<thread>}. The state stores are in memory, so Kafka Streams does not keep the
 * process id across starts: a restarted application uses new transactional ids and never fences the old ones. A
 * transaction the killed process had open then stays open until {@code transaction.timeout.ms} (60 s) runs out, and
 * until then it holds back everything that reads {@code read_committed}: the restoring changelogs and the run's
 * internal topics stop at its first offset, and its pending offset commit makes the group's offsets "unstable".
 * Fencing those ids ({@link org.apache.kafka.clients.admin.Admin#fenceProducers}) aborts such a transaction at once.
 *
 * <p>Only called once the application's consumer group has no member ({@link GroupCheck}): a producer of a running
 * instance is never fenced. If the cluster refuses (no permission, an old broker) the run goes on and the transaction
 * times out as before.
 */
final class StaleTransactions {
    private StaleTransactions() {
    }

    /** Whether {@code transactionalId} is a stream thread producer's of application {@code app}. */
    static boolean ours(String app, String transactionalId) {
        return Pattern.matches(Pattern.quote(app) + "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                + "-[0-9]+", transactionalId);
    }

    /**
     * Fences the producers of {@code app} that have a transaction open, saying so.
     *
     * @return the transactional ids fenced
     */
    static List<String> abort(TopicAdmin admin, RunnerSettings settings, String app, Consumer<String> log) {
        long millis = settings.timeout().toMillis();
        try {
            Collection<TransactionListing> open = admin.admin().listTransactions(new ListTransactionsOptions()
                    .filterStates(List.of(TransactionState.ONGOING))).all().get(millis, TimeUnit.MILLISECONDS);
            List<String> ids = open.stream().map(TransactionListing::transactionalId).filter(id -> ours(app, id))
                    .sorted().toList();
            if (ids.isEmpty()) {
                return ids;
            }
            admin.admin().fenceProducers(ids).all().get(millis, TimeUnit.MILLISECONDS);
            log.accept("aborted " + ids.size() + " open transaction(s) of a stopped instance of " + app + " ("
                    + String.join(", ", ids) + "): their uncommitted records no longer hold up the run");
            return ids;
        } catch (ExecutionException | TimeoutException e) {
            log.accept("note: could not abort the open transactions of a stopped instance of " + app + " ("
                    + StallReport.rootMessage(e) + "); the run waits for them to time out (up to 60 s)");
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted", e);
        }
    }
}
