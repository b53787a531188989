package io.qps.stream.app;

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

    /**
     * @param what what the caller is about to do, for the message ({@code replaying}, {@code resuming})
     * A group that does not exist (Kafka 4 answers {@code GroupIdNotFoundException}, e.g. when a run failed before
     * it joined) has no members.
     *
     * @throws RunException if the application's consumer group has active members
     */
    static void requireNoActiveMembers(TopicAdmin admin, RunnerSettings settings, String app, SessionId session,
                                       String what) {
        ConsumerGroupDescription group;
        try {
            group = admin.admin().describeConsumerGroups(List.of(app)).all()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).get(app);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
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
        if (group != null && !group.members().isEmpty()) {
            throw new RunException("the application of session '" + session + "' (" + app + ") is still running: its"
                    + " consumer group has " + group.members().size() + " active member(s); stop it (the 'qps live'"
                    + " or 'qps replay' of this session) before " + what);
        }
    }
}
