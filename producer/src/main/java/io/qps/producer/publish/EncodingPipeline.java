package io.qps.producer.publish;

import io.qps.core.data.DatasetReader;
import io.qps.core.market.MarketEvent;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Decodes, maps and serializes a dataset's events on a background thread, handing them to the sending thread in
 * chunks, in {@code seq} order, so encoding overlaps with the producer's own work. The value bytes come from the
 * project's {@link AvroSerializer} or the byte-identical {@link DirectEventEncoder}; the key bytes are the symbol in
 * UTF-8 (what Kafka's {@code StringSerializer} would give).
 */
final class EncodingPipeline implements AutoCloseable {
    /** One event ready to send. */
    record Encoded(long seq, long timestampMicros, int instrument, byte[] key, byte[] value) {
    }

    private static final int CHUNK = 512;
    private static final Encoded[] END = new Encoded[0];

    private final BlockingQueue<Encoded[]> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private volatile RuntimeException failure;
    private Encoded[] current = new Encoded[0];
    private int next;
    private boolean ended;

    /**
     * Starts encoding.
     *
     * @param reader the dataset, positioned before its first event
     * @param encoder turns an event into its record value ({@link #serde} or {@link #direct})
     */
    EncodingPipeline(DatasetReader reader, Function<MarketEvent, byte[]> encoder) {
        byte[][] keys = reader.header().instruments().stream()
                .map(i -> i.symbol().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.thread = new Thread(() -> run(reader, encoder, keys), "qps-publish-encoder");
        thread.setDaemon(true);
        thread.start();
    }

    /** The project's serializer as an encoder for {@code topic}. */
    static Function<MarketEvent, byte[]> serde(DatasetReader reader, String topic,
                                               AvroSerializer<io.qps.schemas.MarketEvent> serializer) {
        String[] symbols = reader.header().instruments().stream().map(i -> i.symbol()).toArray(String[]::new);
        return e -> serializer.serialize(topic, MarketEventMapping.toAvro(e, symbols[e.instrument()]));
    }

    /** The direct encoder under {@code schemaId}. */
    static Function<MarketEvent, byte[]> direct(DatasetReader reader, int schemaId) {
        String[] symbols = reader.header().instruments().stream().map(i -> i.symbol()).toArray(String[]::new);
        return new DirectEventEncoder(schemaId, symbols)::encode;
    }

    /** Progress marker values through the project's serializer, for {@code topic}. */
    static ProgressMarkers.Encoder serdeMarkers(String topic, AvroSerializer<io.qps.schemas.MarketEvent> serializer) {
        return (marker, partition) -> serializer.serialize(topic, MarketEventMapping.toAvro(marker, partition));
    }

    /** Progress marker values from the direct encoder under {@code schemaId}. */
    static ProgressMarkers.Encoder directMarkers(int schemaId) {
        return new DirectEventEncoder(schemaId, new String[0])::encode;
    }

    private void run(DatasetReader reader, Function<MarketEvent, byte[]> encoder, byte[][] keys) {
        try {
            Encoded[] chunk = new Encoded[CHUNK];
            int n = 0;
            while (reader.hasNext()) {
                MarketEvent e = reader.next();
                byte[] value = encoder.apply(e);
                chunk[n++] = new Encoded(e.seq(), e.timestampMicros(), e.instrument(), keys[e.instrument()], value);
                if (n == CHUNK) {
                    queue.put(chunk);
                    chunk = new Encoded[CHUNK];
                    n = 0;
                }
            }
            if (n > 0) {
                Encoded[] last = new Encoded[n];
                System.arraycopy(chunk, 0, last, 0, n);
                queue.put(last);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next event in {@code seq} order, or null after the last.
     *
     * @throws RuntimeException what the encoder failed with (a corrupt event, a registry error)
     */
    Encoded next() throws InterruptedException {
        while (next == current.length) {
            if (ended) {
                return null;
            }
            current = queue.take();
            next = 0;
            if (current == END) {
                ended = true;
                RuntimeException e = failure;
                if (e != null) {
                    throw e;
                }
            }
        }
        return current[next++];
    }

    /** Stops the encoder (if still running) and waits for it. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
