package io.qps.cli;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;

/**
 * One line, saying what to do, for a Kafka authentication or authorization failure anywhere in a failure's cause
 * chain: which user, which broker, which topic or group, and which file to fix or which ACL to grant.
 */
public final class KafkaAccessErrors {
    /** Where a user reads how to grant ACLs. */
    public static final String ACL_HINT = "grant ACLs (see README, 'Secured cluster')";
    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final int MAX_DEPTH = 12;

    private KafkaAccessErrors() {
    }

    /**
     * @param error a failure
     * @param cluster the settings the command used
     * @return the one-line message if the failure is, or was caused by, an authentication or authorization error
     */
    public static Optional<String> describe(Throwable error, ClusterSettings cluster) {
        Throwable current = error;
        for (int i = 0; current != null && i < MAX_DEPTH; i++) {
            if (current instanceof AuthenticationException auth) {
                return Optional.of(authentication(auth, cluster));
            }
            if (current instanceof AuthorizationException denied) {
                return Optional.of(authorization(denied, cluster, "use"));
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Optional.empty();
    }

    /**
     * @param error an authentication failure
     * @param cluster the settings used
     * @return {@code authentication failed for user X at HOST:PORT: check sasl.jaas.config in FILE}
     */
    public static String authentication(AuthenticationException error, ClusterSettings cluster) {
        String what = error instanceof SslAuthenticationException ? "the ssl.* settings" : "sasl.jaas.config";
        return "authentication failed for " + user(cluster) + " at " + cluster.bootstrapServers() + ": check " + what
                + " in " + configFile(cluster);
    }

    /**
     * @param error an authorization failure
     * @param cluster the settings used
     * @param operation what was tried on a topic, e.g. {@code describe}, when the error does not say
     * @return {@code user Y is not authorized to OPERATION topic T at HOST:PORT: grant ACLs (see README)}
     */
    public static String authorization(AuthorizationException error, ClusterSettings cluster, String operation) {
        String subject;
        if (error instanceof TopicAuthorizationException topics && !topics.unauthorizedTopics().isEmpty()) {
            Set<String> names = new TreeSet<>(topics.unauthorizedTopics());
            subject = operation + " topic" + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
        } else if (error instanceof GroupAuthorizationException group && group.groupId() != null) {
            subject = "use consumer group " + group.groupId();
        } else if (error instanceof GroupAuthorizationException) {
            subject = "use its consumer group";
        } else if (error instanceof TransactionalIdAuthorizationException) {
            subject = "use transactional ids (exactly-once needs them; qps's are prefixed qps-)";
        } else if (error instanceof ClusterAuthorizationException) {
            subject = "perform a cluster operation (" + firstLine(error) + ")";
        } else {
            subject = operation + " a resource (" + firstLine(error) + ")";
        }
        return user(cluster) + " is not authorized to " + subject + " at " + cluster.bootstrapServers() + ": "
                + ACL_HINT;
    }

    /** @return {@code user NAME} from {@code sasl.jaas.config}, or a phrase for an unnamed principal */
    static String user(ClusterSettings cluster) {
        String jaas = cluster.clientProperties().getOrDefault("sasl.jaas.config", "");
        Matcher m = USERNAME.matcher(jaas);
        return m.find() ? "user " + m.group(1) : "the client's principal";
    }

    private static String configFile(ClusterSettings cluster) {
        return cluster.clientConfigFile().map(Object::toString).orElse("the client config file (--config)");
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
