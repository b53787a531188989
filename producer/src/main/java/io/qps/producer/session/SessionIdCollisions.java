package io.qps.producer.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Session ids whose Kafka names would collide. Kafka puts topic names into metric names with {@code .} replaced by
 * {@code _}, so it refuses a topic whose name equals an existing one up to that replacement
 * ({@code qps.a.b.ticks} and {@code qps.a_b.ticks}); the Streams application {@code qps-a.b} and {@code qps-a_b}
 * would share metric names the same way. A session whose id differs from a known one only there is refused before
 * anything is created, with both ids in the message, rather than failing half-way at its first colliding topic.
 */
public final class SessionIdCollisions {
    private SessionIdCollisions() {
    }

    /**
     * Why {@code session} may not be created, or empty if it may.
     *
     * @param session the id to create
     * @param knownSessions ids in the session catalog
     * @param topics the cluster's topic names
     * @return a one-line reason naming both ids (or the colliding topic)
     */
    public static Optional<String> problem(SessionId session, Collection<String> knownSessions,
                                           Collection<String> topics) {
        String unified = unify(session.value());
        for (String other : new TreeSet<>(knownSessions)) {
            if (!other.equals(session.value()) && unify(other).equals(unified)) {
                return Optional.of("session id '" + session + "' collides with existing session '" + other
                        + "': Kafka treats '.' and '_' in topic names as the same character, so "
                        + TopicNames.ticks(session) + " and " + TopicNames.PREFIX + other + ".ticks cannot both"
                        + " exist; choose another --session");
            }
        }
        List<String> ours = names(session);
        for (String topic : new TreeSet<>(topics)) {
            for (String mine : ours) {
                if (!topic.equals(mine) && unify(topic).equals(unify(mine))) {
                    return Optional.of("session id '" + session + "' collides with existing topic " + topic
                            + ": Kafka treats '.' and '_' in topic names as the same character, so " + mine
                            + " cannot be created; choose another --session");
                }
            }
        }
        return Optional.empty();
    }

    /** The name Kafka compares for collisions ({@code org.apache.kafka.common.internals.Topic#unifyCollisionChars}). */
    static String unify(String name) {
        return name.replace('.', '_');
    }

    private static List<String> names(SessionId session) {
        return List.of(TopicNames.ticks(session), TopicNames.orders(session, RunCatalog.LIVE),
                TopicNames.fills(session, RunCatalog.LIVE), TopicNames.positions(session, RunCatalog.LIVE),
                TopicNames.pnl(session, RunCatalog.LIVE));
    }
}
