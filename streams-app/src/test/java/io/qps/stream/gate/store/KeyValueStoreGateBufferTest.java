package io.qps.stream.gate.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.engine.CausalKey;
import io.qps.stream.gate.CausalGate;
import io.qps.stream.gate.GateBuffer;
import io.qps.stream.gate.GateRecord;
import io.qps.stream.gate.TreeMapGateBuffer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over Kafka Streams' own in-memory and RocksDB stores releases what the heap gate releases;
 * a RocksDB store closed mid-stream and reopened continues exactly where it stopped.
 */
class KeyValueStoreGateBufferTest {
    private static final String[] NAMES = {"ES", "NQ", "CL", "alpha_1_pairs", "é", "ES/x"};

    @TempDir
    File stateDir;

    @Test
    void inMemoryStoreGateEqualsHeapGateOnRandomStreams() {
        KeyValueStore<Bytes, byte[]> store = open(Stores.inMemoryKeyValueStore("gate"));
        for (long seed = 0; seed < 30; seed++) {
            List<int[]> ops = randomOps(seed);
            assertThat(run(new KeyValueStoreGateBuffer(store), ops, 0, ops.size(), null))
                    .containsExactlyElementsOf(run(new TreeMapGateBuffer(), ops, 0, ops.size(),
                            null));
            store.all().forEachRemaining(kv -> store.delete(kv.key));
        }
        store.close();
    }

    @Test
    void rocksDbStoreGateRestoredAfterCloseContinuesExactly() {
        List<int[]> ops = randomOps(99);
        List<GateRecord> uninterrupted = run(new TreeMapGateBuffer(), ops, 0, ops.size(), null);
        int cut = ops.size() / 2;

        KeyValueStore<Bytes, byte[]> first = open(Stores.persistentKeyValueStore("gate"));
        byte[][] progress = new byte[1][];
        List<GateRecord> out = new ArrayList<>(run(new KeyValueStoreGateBuffer(first), ops, 0, cut, progress));
        first.close();
        KeyValueStore<Bytes, byte[]> second = open(Stores.persistentKeyValueStore("gate"));
        CausalGate restored = CausalGate.restore(progress[0], new KeyValueStoreGateBuffer(second));
        out.addAll(feed(restored, ops.subList(cut, ops.size())));
        second.close();

        assertThat(uninterrupted).hasSizeGreaterThan(50);
        assertThat(out).containsExactlyElementsOf(uninterrupted);
    }

    private KeyValueStore<Bytes, byte[]> open(KeyValueBytesStoreSupplier supplier) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "gate-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put("processing.exception.handler.global.enabled", "true");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(props, new TaskId(0, 0),
                stateDir);
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    /** Runs ops [from, to) on a fresh 3-source gate; stores the gate's progress in {@code progress[0]}. */
    private static List<GateRecord> run(GateBuffer buffer, List<int[]> ops, int from, int to,
            byte[][] progress) {
        CausalGate gate = CausalGate.create(3, buffer);
        List<GateRecord> out = feed(gate, ops.subList(from, to));
        if (progress != null) {
            progress[0] = gate.writeProgress();
        }
        return out;
    }

    /** An op is {source, seq, nameIndex, sub} for a record or {source, seq, -1, 0} for a marker. */
    private static List<GateRecord> feed(CausalGate gate, List<int[]> ops) {
        List<GateRecord> out = new ArrayList<>();
        for (int[] op : ops) {
            if (op[2] < 0) {
                out.addAll(gate.advance(op[0], op[1]));
            } else {
                CausalKey key = new CausalKey(op[1], NAMES[op[2]], op[3]);
                gate.offer(op[0], key, key.canonical().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Three sources, each with increasing seqs and markers, interleaved at random. */
    private static List<int[]> randomOps(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<int[]>> streams = new ArrayList<>();
        for (int src = 0; src < 3; src++) {
            List<int[]> stream = new ArrayList<>();
            int seq = 0;
            for (int k = 0; k < 80; k++) {
                seq += 1 + random.nextInt(3);
                if (random.nextInt(4) == 0) {
                    stream.add(new int[] {src, seq, -1, 0});
                } else {
                    stream.add(new int[] {src, seq, random.nextInt(NAMES.length), src});
                }
            }
            streams.add(stream);
        }
        List<int[]> out = new ArrayList<>();
        int[] next = new int[3];
        while (out.size() < 240) {
            int src = random.nextInt(3);
            if (next[src] < streams.get(src).size()) {
                out.add(streams.get(src).get(next[src]++));
            }
        }
        return out;
    }
}
