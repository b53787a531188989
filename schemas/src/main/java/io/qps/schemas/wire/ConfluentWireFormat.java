package io.qps.schemas.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Frames and unframes values in the Confluent wire format.
 *
 * <p>Layout: byte 0 is {@link #MAGIC_BYTE} ({@code 0}); bytes 1..4 are the registry's schema id, a
 * big-endian {@code int}; bytes 5.. are the Avro binary encoding of the value with that schema (no
 * container-file header, no fingerprint). Errors name the topic and offset when the caller knows them
 * (pass {@code null} and {@code -1} when not).
 */
public final class ConfluentWireFormat {
    /** The first byte of every framed value. */
    public static final byte MAGIC_BYTE = 0;
    /** Bytes before the Avro body: the magic byte and the 4-byte schema id. */
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    /** Encodes {@code datum} (a specific or generic record) with {@code schema} and frames it under {@code schemaId}. */
    public static byte[] encode(int schemaId, Schema schema, Object datum) {
        return encode(schemaId, new SpecificDatumWriter<>(schema), datum);
    }

    /** Encodes {@code datum} with {@code writer} (reusable across calls) and frames it under {@code schemaId}. */
    public static <T> byte[] encode(int schemaId, DatumWriter<T> writer, T datum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The schema id of a framed payload, after checking its header.
     *
     * @throws WireFormatException if the payload is shorter than the header or its magic byte is not 0
     */
    public static int schemaId(byte[] payload, String topic, long offset) {
        if (payload == null || payload.length < HEADER_LENGTH) {
            throw new WireFormatException(where(topic, offset) + "payload of " + (payload == null ? 0 : payload.length)
                    + " bytes is shorter than the " + HEADER_LENGTH + "-byte Confluent wire-format header");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new WireFormatException(where(topic, offset) + String.format(
                    "unknown magic byte 0x%02x (expected 0x00): not Confluent wire format", payload[0] & 0xff));
        }
        return ByteBuffer.wrap(payload, 1, 4).getInt();
    }

    /** Reads the Avro body of a framed payload with {@code reader}, after checking its header. */
    public static <T> T decode(byte[] payload, DatumReader<T> reader, String topic, long offset) {
        int id = schemaId(payload, topic, offset);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(payload, HEADER_LENGTH, payload.length - HEADER_LENGTH, null);
        try {
            T value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(where(topic, offset) + "trailing bytes after the Avro body of schema id " + id);
            }
            return value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new WireFormatException(where(topic, offset) + "cannot decode the Avro body with schema id " + id + ": "
                    + oneLine(e), e);
        }
    }

    private static String where(String topic, long offset) {
        if (topic == null) {
            return "";
        }
        return offset >= 0 ? "topic " + topic + " offset " + offset + ": " : "topic " + topic + ": ";
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
