package io.qps.producer.publish;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;

/** What the broker acknowledged, and the first failure (sends are asynchronous; checked between sends). */
final class PublishAcks {
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final AtomicLong events = new AtomicLong();
    final AtomicLong markers = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLongArray perPartition;
    private final String topic;

    PublishAcks(String topic, int partitions) {
        this.topic = topic;
        this.perPartition = new AtomicLongArray(partitions);
    }

    Callback event(long seq) {
        return (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, new PublishException("send of seq " + seq + " to " + topic
                        + " failed: " + error.getMessage(), error));
            } else {
                events.incrementAndGet();
                bytes.addAndGet(metadata.serializedValueSize());
                perPartition.incrementAndGet(metadata.partition());
            }
        };
    }

    Callback marker(int partition) {
        return (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, new PublishException("send of a progress marker to partition "
                        + partition + " of " + topic + " failed: " + error.getMessage(), error));
            } else {
                markers.incrementAndGet();
            }
        };
    }

    void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new PublishException(e.getMessage() + " (the session is incomplete; publish again with --force)",
                    e.getCause());
        }
    }
}
