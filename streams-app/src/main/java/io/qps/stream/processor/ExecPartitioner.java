package io.qps.stream.processor;

import io.qps.stream.codec.ExecMessage;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends an exec record to exactly the partition it carries (the ticks partition of its instrument). */
public final class ExecPartitioner implements StreamPartitioner<String, ExecMessage> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, ExecMessage value, int numPartitions) {
        int p = value.partition();
        if (p < 0 || p >= numPartitions) {
            throw new IllegalStateException("exec record for seq " + value.seq() + " (key " + key + ") is bound to partition "
                    + p + " but " + topic + " has " + numPartitions + " partitions");
        }
        return Optional.of(Set.of(p));
    }
}
