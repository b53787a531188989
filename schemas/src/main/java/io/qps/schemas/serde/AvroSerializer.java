package io.qps.schemas.serde;

import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a {@link SpecificRecord} in the Confluent wire format under the id of its schema in subject
 * {@code <topic>-value} (or {@code -key}). With auto-registration (the default) the schema is registered on first
 * use; without it, it must already be registered and is looked up. Ids are cached by the client.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean autoRegister;
    private boolean isKey;

    /** For Kafka's reflective construction; {@link #configure} supplies the registry. */
    public AvroSerializer() {
    }

    /** A value serializer on {@code client}. */
    public AvroSerializer(SchemaRegistryClient client, boolean autoRegister) {
        this.client = client;
        this.autoRegister = autoRegister;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean key) {
        this.isKey = key;
        if (client == null) {
            this.client = AvroSerdeConfig.client(configs);
            this.autoRegister = AvroSerdeConfig.autoRegister(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer used before configure(): no schema registry");
        }
        Schema schema = data.getSchema();
        String subject = AvroSerdeConfig.subject(topic, isKey);
        int id;
        try {
            id = autoRegister ? client.register(subject, schema) : client.lookup(subject, schema).id();
        } catch (RegistryException e) {
            throw new SerializationException("topic " + topic + ": cannot get a schema id for " + schema.getFullName()
                    + " under subject " + subject + ": " + e.getMessage(), e);
        }
        return ConfluentWireFormat.encode(id, writers.computeIfAbsent(schema, SpecificDatumWriter::new), data);
    }
}
