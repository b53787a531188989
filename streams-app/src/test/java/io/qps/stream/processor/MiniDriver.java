package io.qps.stream.processor;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/** A topology of one processor (source "in", sink "out", its stores changelogged and cached) in a test driver. */
final class MiniDriver {
    private MiniDriver() {
    }

    static <VIn, VOut> TopologyTestDriver of(ProcessorSupplier<String, VIn, String, VOut> supplier, Serde<VIn> in,
                                           Serde<VOut> out, Map<String, Serde<?>> stores) {
        Topology t = new Topology();
        t.addSource("source", Serdes.String().deserializer(), in.deserializer(), "in");
        t.addProcessor("processor", supplier, "source");
        for (var e : stores.entrySet()) {
            t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(e.getKey()), e.getValue(),
                    Serdes.ByteArray()).withCachingEnabled().withLoggingEnabled(Map.of()), "processor");
        }
        t.addSink("sink", "out", Serdes.String().serializer(), out.serializer(), "processor");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "mini");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return new TopologyTestDriver(t, props);
    }
}
