package io.qps.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code server.properties} of a single-node combined (broker + controller) KRaft cluster on loopback.
 * Internal topics use replication factor 1 and min ISR 1 so that transactions ({@code exactly_once_v2}) work on one
 * node; the quorum is a dynamic one bootstrapped with {@code kafka-storage format --standalone}. A secured broker
 * names its client listener {@code SASL_PLAINTEXT} and adds {@link BrokerSecurity#serverProperties()}.
 */
final class ServerProperties {
    /** The node id of the only node. */
    static final int NODE_ID = 1;
    private static final String HEADER = "# Written by qps (io.qps.embedded.EmbeddedKafka); rewritten on start\n";

    private ServerProperties() {
    }

    /**
     * @param logDir folder for the log segments and the metadata log
     * @param port client listener port
     * @param controllerPort controller listener port
     * @return the properties, sorted by key
     */
    static Map<String, String> of(Path logDir, int port, int controllerPort) {
        return of(logDir, port, controllerPort, null);
    }

    /**
     * @param logDir folder for the log segments and the metadata log
     * @param port client listener port
     * @param controllerPort controller listener port
     * @param security the credentials of a secured broker, or null for a PLAINTEXT one without authorizer
     * @return the properties, sorted by key
     */
    static Map<String, String> of(Path logDir, int port, int controllerPort, BrokerSecurity security) {
        return node(logDir, NODE_ID, port, controllerPort, null, 1, 1, security);
    }

    /**
     * One node of a multi-node combined KRaft cluster on loopback with a static controller quorum (every node is a
     * voter, {@code controller.quorum.voters}); the internal topics ({@code __consumer_offsets},
     * {@code __transaction_state}) use {@code replication} and {@code minInsync}. The defaults for other topics stay
     * at replication 1 and min ISR 1, so that a topic created without explicit settings shows as such.
     *
     * @param logDir folder for the log segments and the metadata log
     * @param nodeId this node's id
     * @param port client listener port
     * @param controllerPort controller listener port
     * @param voters {@code id@host:port,...} of every voter, or null for a single node bootstrapped standalone
     * @param replication replication factor of the internal topics
     * @param minInsync {@code min.insync.replicas} of the transaction log
     * @param security the credentials of a secured broker, or null for a PLAINTEXT one without authorizer
     * @return the properties, sorted by key
     */
    static Map<String, String> node(Path logDir, int nodeId, int port, int controllerPort, String voters,
                                    int replication, int minInsync, BrokerSecurity security) {
        String listener = security == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        String controllerProtocol = security == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        String client = Ports.LOOPBACK + ":" + port;
        String controller = Ports.LOOPBACK + ":" + controllerPort;
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        if (voters == null) {
            p.put("controller.quorum.bootstrap.servers", controller);
        } else {
            p.put("controller.quorum.voters", voters);
        }
        p.put("listeners", listener + "://" + client + ",CONTROLLER://" + controller);
        p.put("advertised.listeners", listener + "://" + client + ",CONTROLLER://" + controller);
        p.put("inter.broker.listener.name", listener);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CONTROLLER:" + controllerProtocol + "," + listener + ":" + listener);
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        String rf = Integer.toString(replication);
        String min = Integer.toString(minInsync);
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "12");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", min);
        p.put("transaction.state.log.num.partitions", "12");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", min);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        if (security != null) {
            p.putAll(security.serverProperties());
        }
        return p;
    }

    /**
     * @param properties sorted properties
     * @return the file text, one {@code key=value} per line (backslashes doubled for Windows paths)
     */
    static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder(HEADER);
        properties.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
