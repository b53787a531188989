package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerPropertiesTest {
    @Test
    void singleNodeCombinedKraftOnLoopbackWithTransactionsOnOneReplica() {
        Map<String, String> p = ServerProperties.of(Path.of("/var/qps/data"), 19092, 19093);
        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("log.dirs", "/var/qps/data")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void aNodeOfAThreeNodeClusterNamesEveryVoterAndReplicatesItsInternalTopicsOnly() {
        Map<String, String> p = ServerProperties.node(Path.of("/var/qps/node-2"), 2, 19094, 19095,
                "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097", 3, 2, null);
        assertThat(p).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .doesNotContainKey("controller.quorum.bootstrap.servers");
    }

    @Test
    void aSecuredBrokerTakesScramOnItsClientListenerPlainOnItsControllerAndEnforcesAcls() {
        BrokerSecurity security = new BrokerSecurity("adminpw", "apppw");
        Map<String, String> p = ServerProperties.of(Path.of("/var/qps/data"), 19092, 19093, security);
        assertThat(p).containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("inter.broker.listener.name", "SASL_PLAINTEXT")
                .containsEntry("listener.security.protocol.map",
                        "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512")
                .containsEntry("sasl.mechanism.controller.protocol", "PLAIN")
                .containsEntry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\""
                                + " password=\"adminpw\";")
                .containsEntry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
                                + " password=\"adminpw\" user_admin=\"adminpw\";")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:admin")
                .containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(security.formatArguments()).containsExactly(
                "--add-scram", "SCRAM-SHA-512=[name=admin,password=adminpw]",
                "--add-scram", "SCRAM-SHA-512=[name=qps,password=apppw]");
    }

    @Test
    void renderedInKeyOrderOneLinePerProperty() {
        String text = ServerProperties.render(new java.util.TreeMap<>(Map.of("b.key", "2", "a.key", "C:\\data")));
        assertThat(text).isEqualTo("# Written by qps (io.qps.embedded.EmbeddedKafka); rewritten on start\n"
                + "a.key=C:\\\\data\nb.key=2\n");
    }
}
