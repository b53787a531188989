package io.qps.producer.publish;

import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.ProgressMarker;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.schemas.ProgressKind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the Confluent wire-format value of a core market event straight from the core record: magic byte, schema
 * id, then the Avro binary encoding of {@code io.qps.schemas.MarketEvent} (fields in schema order; longs and ints as
 * zig-zag varints; the symbol as a length-prefixed UTF-8 string; the payload union as its branch index, 0 quote,
 * 1 trade, 2 book update, 3 progress marker; enums as their symbol index; each array as one block of items then a
 * zero).
 *
 * <p>It produces exactly the bytes of the project's {@code AvroSerializer} for the same event (a test checks every
 * event of a dataset), without building the intermediate Avro objects, which made encoding the publisher's
 * bottleneck. It is only valid for the schema version it was written against, so the publisher uses it only under
 * the id the registry returns for {@code io.qps.schemas.MarketEvent.getClassSchema()}.
 */
final class DirectEventEncoder {
    private final int schemaId;
    private final byte[][] symbols;
    private byte[] buf = new byte[512];
    private int pos;

    /**
     * @param schemaId the registry id of the current MarketEvent schema under the topic's value subject
     * @param symbols instrument symbols by id
     */
    DirectEventEncoder(int schemaId, String[] symbols) {
        this.schemaId = schemaId;
        this.symbols = Arrays.stream(symbols).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** The framed value of {@code event}. */
    byte[] encode(MarketEvent event) {
        writeHeader();
        writeLong(event.seq());
        writeLong(event.timestampMicros());
        writeLong(event.instrument());
        byte[] symbol = symbols[event.instrument()];
        writeLong(symbol.length);
        ensure(symbol.length);
        System.arraycopy(symbol, 0, buf, pos, symbol.length);
        pos += symbol.length;
        if (event instanceof Quote q) {
            writeLong(0);
            writeLong(q.bidPrice());
            writeLong(q.bidSize());
            writeLong(q.askPrice());
            writeLong(q.askSize());
        } else if (event instanceof Trade t) {
            writeLong(1);
            writeLong(t.price());
            writeLong(t.size());
            writeLong(t.aggressor() == Side.BUY ? 0 : 1);
        } else {
            BookUpdate b = (BookUpdate) event;
            writeLong(2);
            writeArray(b.bidPrices());
            writeArray(b.bidSizes());
            writeArray(b.askPrices());
            writeArray(b.askSizes());
        }
        return Arrays.copyOf(buf, pos);
    }

    /**
     * The framed value of a progress marker written to {@code partition}: its seq and time, instrument -1, an empty
     * symbol, then the Progress branch (kind, partition), as {@code MarketEventMapping.toAvro(marker, partition)}.
     */
    byte[] encode(ProgressMarker marker, int partition) {
        writeHeader();
        writeLong(marker.seq());
        writeLong(marker.timestampMicros());
        writeLong(-1);
        writeLong(0);
        writeLong(3);
        writeLong(ProgressKind.valueOf(marker.kind().name()).ordinal());
        writeLong(partition);
        return Arrays.copyOf(buf, pos);
    }

    private void writeHeader() {
        pos = 0;
        ensure(5);
        buf[pos++] = 0;
        buf[pos++] = (byte) (schemaId >>> 24);
        buf[pos++] = (byte) (schemaId >>> 16);
        buf[pos++] = (byte) (schemaId >>> 8);
        buf[pos++] = (byte) schemaId;
    }

    private void writeArray(long[] values) {
        if (values.length > 0) {
            writeLong(values.length);
            for (long v : values) {
                writeLong(v);
            }
        }
        writeLong(0);
    }

    /** Avro's zig-zag varint: an int is written exactly like the long of the same value. */
    private void writeLong(long value) {
        ensure(10);
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buf[pos++] = (byte) n;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }
}
