package io.qps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class KafkaAccessErrorsTest {
    private static final ClusterSettings CLUSTER = new ClusterSettings("127.0.0.1:49092",
            ClusterSettings.Source.CONFIG_FILE, "http://127.0.0.1:48081", ClusterSettings.Source.CONFIG_FILE,
            java.util.Optional.of(Path.of("/tmp/client.properties")), Map.of("sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\""
                            + " password=\"x\";"), io.qps.producer.session.TopicSettings.DEFAULTS);

    @Test
    void aFailedLoginDeepInTheCauseChainNamesUserBrokerAndFile() {
        Exception e = new IllegalStateException("cannot read qps.sessions",
                new ExecutionException(new SaslAuthenticationException("Authentication failed ...")));
        assertThat(KafkaAccessErrors.describe(e, CLUSTER)).contains("authentication failed for user alice at"
                + " 127.0.0.1:49092: check sasl.jaas.config in /tmp/client.properties");
    }

    @Test
    void deniedTopicsGroupsAndTransactionalIdsSayWhatToGrant() {
        assertThat(KafkaAccessErrors.describe(new TopicAuthorizationException(Set.of("qps.s1.ticks")), CLUSTER))
                .contains("user alice is not authorized to use topic qps.s1.ticks at 127.0.0.1:49092: grant ACLs"
                        + " (see README, 'Secured cluster')");
        assertThat(KafkaAccessErrors.describe(new StreamsException(new GroupAuthorizationException("denied",
                "qps-s1")), CLUSTER)).contains("user alice is not authorized to use consumer group qps-s1 at"
                        + " 127.0.0.1:49092: grant ACLs (see README, 'Secured cluster')");
        assertThat(KafkaAccessErrors.describe(new TransactionalIdAuthorizationException("denied"), CLUSTER))
                .contains("user alice is not authorized to use transactional ids (exactly-once needs them; qps's are"
                        + " prefixed qps-) at 127.0.0.1:49092: grant ACLs (see README, 'Secured cluster')");
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertThat(KafkaAccessErrors.describe(new IllegalStateException("boom"), CLUSTER)).isEmpty();
    }
}
