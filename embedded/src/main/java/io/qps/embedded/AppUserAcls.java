package io.qps.embedded;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs the application user needs, and no more than its own namespaces:
 * <ul>
 *   <li>topics prefixed {@code qps.} (a session's ticks and run outputs, the {@code qps.sessions}, {@code qps.runs}
 *       and {@code qps.results} catalogs): all operations, since qps creates, configures, reads, writes and
 *       deletes them;</li>
 *   <li>topics, consumer groups and transactional ids prefixed {@code qps-}: a run's Kafka Streams application id
 *       is {@code qps-<session>}, which names its internal topics, its group and (exactly-once) its transactional
 *       ids; the reset tool deletes the first two;</li>
 *   <li>the registry's {@code _qps_schemas} topic: read and describe only (the registry, the super user, writes
 *       it);</li>
 *   <li>the cluster: describe (for {@code describeCluster}) and idempotent write.</li>
 * </ul>
 */
public final class AppUserAcls {
    /** The prefix of every qps topic. */
    public static final String TOPIC_PREFIX = "qps.";
    /** The prefix of application ids, hence of internal topics, groups and transactional ids. */
    public static final String APPLICATION_PREFIX = "qps-";
    /** The embedded registry's topic. */
    public static final String SCHEMAS_TOPIC = "_qps_schemas";

    private AppUserAcls() {
    }

    /**
     * @param user the user name (without {@code User:})
     * @return its ACL bindings, allowed from any host
     */
    public static List<AclBinding> forUser(String user) {
        String principal = "User:" + user;
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(principal, ResourceType.TOPIC, TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(principal, ResourceType.TOPIC, APPLICATION_PREFIX, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(principal, ResourceType.GROUP, APPLICATION_PREFIX, PatternType.PREFIXED, AclOperation.ALL));
        acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, APPLICATION_PREFIX, PatternType.PREFIXED,
                AclOperation.ALL));
        acls.add(allow(principal, ResourceType.TOPIC, SCHEMAS_TOPIC, PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(principal, ResourceType.TOPIC, SCHEMAS_TOPIC, PatternType.LITERAL, AclOperation.DESCRIBE));
        acls.add(allow(principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL,
                AclOperation.DESCRIBE));
        acls.add(allow(principal, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL,
                AclOperation.IDEMPOTENT_WRITE));
        return List.copyOf(acls);
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
