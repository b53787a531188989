package io.qps.runner;

import io.qps.producer.publish.PublishException;
import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.SessionId;
import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import io.qps.stream.topology.RunTopics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

/** Creating a run's four output topics, refusing a run id whose topics already hold data. */
final class OutputTopicsAdmin {
    private OutputTopicsAdmin() {
    }

    /** The output topics of {@code run} of {@code session}. */
    static RunTopics topics(SessionId session, String run) {
        return new RunTopics(TopicNames.orders(session, run), TopicNames.fills(session, run),
                TopicNames.positions(session, run), TopicNames.pnl(session, run));
    }

    /** The four names in {@code OutputTopic} order (orders, fills, positions, pnl). */
    static List<String> names(RunTopics t) {
        return List.of(t.orders(), t.fills(), t.positions(), t.pnl());
    }

    /**
     * Creates each topic with {@code partitions} partitions (the partials topic with one), replicated as
     * {@code settings} says, and infinite retention (outputs carry event timestamps that may lie far in the past). An existing empty topic with the right partition count is kept.
     *
     * @param resume whether the run is resumed (its topics may then hold its own earlier records)
     * @throws RunException if a topic already holds records (a run id is never reused, unless resumed) or has another
     *     partition count
     */
    static void create(TopicAdmin admin, RunTopics topics, int partitions, TopicSettings settings, long timeoutMillis,
                       boolean resume) {
        List<NewTopic> missing = new ArrayList<>();
        List<String> all = new ArrayList<>(names(topics));
        all.add(topics.summaries());
        all.add(topics.partials());
        all.add(topics.dlq());
        for (String name : all) {
            int wanted = name.equals(topics.partials()) || name.equals(topics.dlq()) ? 1 : partitions;
            Optional<TopicDescription> existing = admin.describe(name);
            if (existing.isEmpty()) {
                missing.add(settings.newTopic(name, wanted, Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime")));
                continue;
            }
            long records = resume ? 0 : admin.endOffsetSum(name);
            if (records > 0) {
                throw new RunException("output topic " + name + " already holds " + records + " records: a run id"
                        + " is never reused (replay writes to a new replay-N run; publish the session again under"
                        + " another id for a new live run)");
            }
            int have = existing.get().partitions().size();
            if (have != wanted) {
                throw new RunException("output topic " + name + " exists with " + have + " partitions, the ticks"
                        + " topic has " + partitions + "; delete it first");
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.admin().createTopics(missing).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RunException("cannot create the output topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RunException("creating the output topics took longer than " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted", e);
        } catch (PublishException e) {
            throw new RunException(e.getMessage(), e);
        }
    }
}
