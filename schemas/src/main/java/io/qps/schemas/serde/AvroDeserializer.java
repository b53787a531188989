package io.qps.schemas.serde;

import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.wire.ConfluentWireFormat;
import io.qps.schemas.wire.WireFormatException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format values into {@link SpecificRecord}s: the writer schema comes from the registry by
 * the id in the payload, the reader schema is the target class's, so values written with an older compatible
 * schema are resolved to the current one. Without a target class, the class is found by the writer schema's full
 * name.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final Class<T> type;
    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;

    /** For Kafka's reflective construction: the record class is found by the writer schema's name. */
    public AvroDeserializer() {
        this(null, null);
    }

    /**
     * @param type the record class to read into, or null to find it by the writer schema's name
     * @param client the registry, or null to build one in {@link #configure}
     */
    public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this.type = type;
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            this.client = AvroSerdeConfig.client(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, -1, data);
    }

    /** Reads {@code data}; {@code offset} (or -1) only names the record in error messages. */
    public T deserialize(String topic, long offset, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer used before configure(): no schema registry");
        }
        int id = ConfluentWireFormat.schemaId(data, topic, offset);
        SpecificDatumReader<T> reader = readers.computeIfAbsent(id, k -> reader(k, topic, offset));
        return ConfluentWireFormat.decode(data, reader, topic, offset);
    }

    private SpecificDatumReader<T> reader(int id, String topic, long offset) {
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (RegistryException e) {
            throw new WireFormatException(where(topic, offset) + "cannot get writer schema id " + id + ": "
                    + e.getMessage(), e);
        }
        Schema reader = type != null ? SpecificData.get().getSchema(type) : readerByName(writer, topic, offset);
        return new SpecificDatumReader<>(writer, reader);
    }

    private static Schema readerByName(Schema writer, String topic, long offset) {
        Class<?> cls = SpecificData.get().getClass(writer);
        if (cls == null || !SpecificRecord.class.isAssignableFrom(cls)) {
            throw new WireFormatException(where(topic, offset) + "no generated class for schema " + writer.getFullName());
        }
        return SpecificData.get().getSchema(cls);
    }

    private static String where(String topic, long offset) {
        return offset >= 0 ? "topic " + topic + " offset " + offset + ": " : "topic " + topic + ": ";
    }
}
