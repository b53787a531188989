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
    /** The value being read and the read position in it. */
    private byte[] buf;
    private int pos;
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
        buf = value;
        pos = ConfluentWireFormat.HEADER_LENGTH;
        try {
            Object decoded = read();
            if (pos != buf.length) {
                throw new IOException((buf.length - pos) + " bytes after the end of the Avro body");
            }
            return decoded;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(topic + " offset " + offset + ": not a valid MarketEvent ("
                    + e.getMessage() + ")", e);
        } finally {
            buf = null;
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

    private Object read() throws IOException {
        long seq = readLong();
        long ts = readLong();
        int instrument = readInt();
        skip(readLength());
        int branch = readInt();
        switch (branch) {
            case 0 -> {
                return new Quote(seq, ts, instrument, readLong(), readLong(), readLong(), readLong());
            }
            case 1 -> {
                long price = readLong();
                long size = readLong();
                return new Trade(seq, ts, instrument, price, size, SIDES[symbol(SIDES.length)]);
            }
            case 2 -> {
                long[] bidPrices = longs();
                long[] bidSizes = longs();
                long[] askPrices = longs();
                long[] askSizes = longs();
                return new BookUpdate(seq, ts, instrument, bidPrices, bidSizes, askPrices, askSizes);
            }
            case 3 -> {
                ProgressMarker.Kind kind = KINDS[symbol(KINDS.length)];
                readInt();
                return new ProgressMarker(kind, seq, ts);
            }
            default -> throw new IOException("payload branch " + branch + " unknown");
        }
    }

    /** An Avro array of longs: blocks of a count (negative: followed by the block's byte size), 0 at the end. */
    private long[] longs() throws IOException {
        int n = 0;
        for (long block = readLong(); block != 0; block = readLong()) {
            if (block < 0) {
                block = -block;
                readLong();
            }
            for (long i = 0; i < block; i++) {
                if (n == scratch.length) {
                    scratch = Arrays.copyOf(scratch, 2 * n);
                }
                scratch[n++] = readLong();
            }
        }
        return n == 0 ? EMPTY : Arrays.copyOf(scratch, n);
    }

    /** Avro's long: a zig-zag varint of at most 10 bytes. */
    private long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (pos >= buf.length) {
                throw new IOException("the value ends at byte " + buf.length + ", inside its Avro body");
            }
            int b = buf[pos++];
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("a varint longer than 10 bytes at byte " + pos);
    }

    private int readInt() throws IOException {
        long v = readLong();
        if (v != (int) v) {
            throw new IOException("int out of range: " + v);
        }
        return (int) v;
    }

    private int readLength() throws IOException {
        int n = readInt();
        if (n < 0) {
            throw new IOException("negative length " + n);
        }
        return n;
    }

    private int symbol(int count) throws IOException {
        int i = readInt();
        if (i < 0 || i >= count) {
            throw new IOException("enum index " + i + " out of range");
        }
        return i;
    }

    private void skip(int n) throws IOException {
        if (n > buf.length - pos) {
            throw new IOException("the value ends at byte " + buf.length + ", inside its Avro body");
        }
        pos += n;
    }
}
