package io.qps.stream.processor;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** One processor on Kafka's {@link MockProcessorContext} with real in-memory stores, for fast enumerations. */
final class ProcessorRig<KIn, VIn> {
    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final List<KeyValueStore<?, byte[]>> stores = new ArrayList<>();
    private final Processor<KIn, VIn, String, Object> processor;
    private final String topic;
    private final int partition;
    private long offset;

    ProcessorRig(Processor<KIn, VIn, String, Object> processor, String topic, int partition) {
        this.processor = processor;
        this.topic = topic;
        this.partition = partition;
    }

    <K> ProcessorRig<KIn, VIn> store(String name, Serde<K> keySerde) {
        KeyValueStore<K, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keySerde,
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        stores.add(store);
        return this;
    }

    ProcessorRig<KIn, VIn> init() {
        processor.init(context);
        return this;
    }

    void pipe(KIn key, VIn value, long timestampMs) {
        context.setRecordMetadata(topic, partition, offset++);
        processor.process(new Record<>(key, value, timestampMs));
    }

    /** What was forwarded so far as (key, value, timestamp) texts, in forward order. */
    List<String> forwarded() {
        List<String> out = new ArrayList<>();
        for (var f : context.forwarded()) {
            out.add(f.record().key() + " @" + f.record().timestamp() + " " + f.record().value());
        }
        return out;
    }

    /** The values forwarded so far. */
    List<Object> forwardedValues() {
        List<Object> out = new ArrayList<>();
        for (var f : context.forwarded()) {
            out.add(f.record().value());
        }
        return out;
    }

    /** Every store's entries as "store key=hex" lines in key order. */
    List<String> storeContents() {
        List<String> out = new ArrayList<>();
        for (KeyValueStore<?, byte[]> store : stores) {
            try (KeyValueIterator<?, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<?, byte[]> kv = it.next();
                    out.add(store.name() + " " + kv.key + "=" + java.util.HexFormat.of().formatHex(kv.value));
                }
            }
        }
        return out;
    }
}
