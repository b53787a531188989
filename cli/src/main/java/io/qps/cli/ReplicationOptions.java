package io.qps.cli;

import picocli.CommandLine.Option;

/**
 * {@code --replication-factor} and {@code --min-insync-replicas}: how every topic qps creates is replicated. A mixin
 * of the commands that create topics, next to their {@link ClusterOptions}, which read it.
 */
public final class ReplicationOptions {
    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of every topic qps creates: ticks, catalogs, results, run outputs and"
                    + " internal topics, the Streams changelogs (default: the client config file's replication.factor,"
                    + " else the broker's default.replication.factor).")
    private Integer replicationFactor;

    @Option(names = "--min-insync-replicas", paramLabel = "N",
            description = "min.insync.replicas of those topics, at most the replication factor (default: the client"
                    + " config file's min.insync.replicas, else the broker's). Retention stays infinite: their"
                    + " records carry event time, often long past, or the topic is compacted.")
    private Integer minInsyncReplicas;

    Integer replicationFactor() {
        return replicationFactor;
    }

    Integer minInsyncReplicas() {
        return minInsyncReplicas;
    }
}
