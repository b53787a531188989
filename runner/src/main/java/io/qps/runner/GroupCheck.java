package io.qps.runner;

import io.qps.producer.publish.TopicAdmin;
import io.qps.producer.session.SessionId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Whether a session's application still runs somewhere: members in its consumer group. */
final class GroupCheck {
    private GroupCheck() {
    }

    /** Longest a member of a process killed without leaving stays in the group: the consumer session timeout. */
    static final long EXPIRY_MILLIS = 10_000;

    /**
     * Waits for the application's consumer group to have no active member: a process killed without leaving the
     * group stays a member until its session expires, so right after a kill -9 the check waits that out, saying so,
     * instead of refusing. A group still busy after {@code 2 * EXPIRY_MILLIS} has a live member: refused.
     *
     * @param what what the caller is about to do, for the message ({@code replaying}, {@code resuming})
     * A group that does not exist (Kafka 4 answers {@code GroupIdNotFoundException}, e.g. when a run failed before
     * it joined) has no members.
     *
     * @throws RunException if the group still has active members after the wait
     */
    static void requireNoActiveMembers(TopicAdmin admin, RunnerSettings settings, String app, SessionId session,
                                       String what, java.util.function.Consumer<String> log) {
        long deadline = System.nanoTime() + 2 * EXPIRY_MILLIS * 1_000_000L;
        boolean said = false;
        while (true) {
            int members = members(admin, settings, app);
            if (members == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RunException("the application of session '" + session + "' (" + app + ") is still running:"
                        + " its consumer group has " + members + " active member(s) after " + 2 * EXPIRY_MILLIS / 1000
                        + " s; stop it (the 'qps live' or 'qps replay' of this session) before " + what);
            }
            if (!said) {
                log.accept("consumer group " + app + " still has " + members + " member(s): waiting up to "
                        + 2 * EXPIRY_MILLIS / 1000 + " s for them to leave or, if their process was killed, for their"
                        + " session to expire");
                said = true;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunException("interrupted", e);
            }
        }
    }

    private static int members(TopicAdmin admin, RunnerSettings settings, String app) {
        ConsumerGroupDescription group;
        try {
            group = admin.admin().describeConsumerGroups(List.of(app)).all()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).get(app);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw new RunException("cannot describe consumer group " + app + " on " + settings.bootstrap() + ": "
                    + StallReport.rootMessage(e), e);
        } catch (TimeoutException e) {
            throw new RunException("cannot describe consumer group " + app + " on " + settings.bootstrap() + ": "
                    + StallReport.rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("interrupted", e);
        }
        return group == null ? 0 : group.members().size();
    }
}
