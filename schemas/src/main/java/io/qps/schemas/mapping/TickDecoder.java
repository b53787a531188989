package io.qps.schemas.mapping;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes a ticks value (Confluent wire format) straight into a core {@link MarketEvent} or
 * {@link ProgressMarker}, without building the Avro {@code SpecificRecord} first: the ticks topic is the
 * streaming application's hot path. The direct path reads Avro binary by the field layout of
 * {@code MarketEvent.avsc}; it is taken only for a writer schema (looked up once per schema id) that has
 * exactly that layout: the current schema, or an earlier version that is a prefix of its payload union.
 * Any other writer schema goes through {@code fallback} (the generic resolving deserializer plus
 * {@link MarketEventMapping}), so a future compatible schema still decodes, just slower.
 */
public final class TickDecoder {
    private static final Schema CURRENT = io.qps.schemas.MarketEvent.getClassSchema();
    private static final Side[] SIDES = Side.values();
    private static final ProgressMarker.Kind[] KINDS = ProgressMarker.Kind.values();
    private static final long[] EMPTY = new long[0];

    private final SchemaRegistryClient registry;
    private final Function<byte[], Object> fallback;
    private final Map<Integer, Boolean> direct = new HashMap<>();
    private BinaryDecoder decoder;
    private long[] scratch = new long[16];

    /**
     * @param registry looks up writer schemas by id
     * @param fallback decodes a value whose writer schema does not have the known layout
     */
    public TickDecoder(SchemaRegistryClient registry, Function<byte[], Object> fallback) {
        this.registry = registry;
        this.fallback = fallback;
    }

    /** The core value of a ticks record's value. */
    public Object decode(String topic, long offset, byte[] value) {
        int id = ConfluentWireFormat.schemaId(value, topic, offset);
        if (!direct.computeIfAbsent(id, this::hasKnownLayout)) {
            return fallback.apply(value);
        }
        decoder = DecoderFactory.get().binaryDecoder(value, ConfluentWireFormat.HEADER_LENGTH,
                value.length - ConfluentWireFormat.HEADER_LENGTH, decoder);
        try {
            return read(decoder);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(topic + " offset " + offset + ": not a valid MarketEvent ("
                    + e.getMessage() + ")", e);
        }
    }

    private boolean hasKnownLayout(int id) {
        Schema writer = registry.getById(id);
        if (writer.equals(CURRENT)) {
            return true;
        }
        if (writer.getType() != Schema.Type.RECORD || writer.getFields().size() != CURRENT.getFields().size()) {
            return false;
        }
        for (int f = 0; f < CURRENT.getFields().size() - 1; f++) {
            if (!writer.getFields().get(f).schema().equals(CURRENT.getFields().get(f).schema())) {
                return false;
            }
        }
        Schema union = writer.getField("payload").schema();
        Schema current = CURRENT.getField("payload").schema();
        if (union.getType() != Schema.Type.UNION || union.getTypes().size() > current.getTypes().size()) {
            return false;
        }
        for (int b = 0; b < union.getTypes().size(); b++) {
            if (!union.getTypes().get(b).equals(current.getTypes().get(b))) {
                return false;
            }
        }
        return true;
    }

    private Object read(BinaryDecoder in) throws IOException {
        long seq = in.readLong();
        long ts = in.readLong();
        int instrument = in.readInt();
        in.skipString();
        int branch = in.readIndex();
        switch (branch) {
            case 0 -> {
                return new Quote(seq, ts, instrument, in.readLong(), in.readLong(), in.readLong(), in.readLong());
            }
            case 1 -> {
                long price = in.readLong();
                long size = in.readLong();
                return new Trade(seq, ts, instrument, price, size, SIDES[in.readEnum()]);
            }
            case 2 -> {
                long[] bidPrices = longs(in);
                long[] bidSizes = longs(in);
                long[] askPrices = longs(in);
                long[] askSizes = longs(in);
                return new BookUpdate(seq, ts, instrument, bidPrices, bidSizes, askPrices, askSizes);
            }
            case 3 -> {
                ProgressMarker.Kind kind = KINDS[in.readEnum()];
                in.readInt();
                return new ProgressMarker(kind, seq, ts);
            }
            default -> throw new IOException("payload branch " + branch + " unknown");
        }
    }

    private long[] longs(BinaryDecoder in) throws IOException {
        int n = 0;
        for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, 2 * n);
                }
                scratch[n++] = in.readLong();
            }
        }
        return n == 0 ? EMPTY : Arrays.copyOf(scratch, n);
    }
}
