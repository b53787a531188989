package io.qps.schemas.serde;

import io.qps.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka {@link Serde} for one {@link SpecificRecord} type in the Confluent wire format,
 * registering under {@code <topic>-value} (TopicNameStrategy).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /** A serde to be configured with {@link AvroSerdeConfig} keys. */
    public AvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>(type, null);
    }

    /** A ready value serde on {@code client}. */
    public AvroSerde(Class<T> type, SchemaRegistryClient client, boolean autoRegister) {
        this.serializer = new AvroSerializer<>(client, autoRegister);
        this.deserializer = new AvroDeserializer<>(type, client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
