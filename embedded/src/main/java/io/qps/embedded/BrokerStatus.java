package io.qps.embedded;

import java.util.Optional;

/**
 * What {@link EmbeddedKafka#status()} found.
 *
 * @param processAlive the recorded broker process exists
 * @param answering the broker answered {@code describeCluster} in time
 * @param state the recorded state, empty if the broker was never started from this folder (or was stopped)
 * @param detail one line for a person: why it is down, or its cluster id when up
 */
public record BrokerStatus(boolean processAlive, boolean answering, Optional<BrokerState> state, String detail) {
    /** @return true if the process is alive and the broker answers */
    public boolean up() {
        return processAlive && answering;
    }
}
