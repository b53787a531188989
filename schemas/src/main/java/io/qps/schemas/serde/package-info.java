/**
 * Kafka serializers, deserializers and serdes for qps's Avro {@code SpecificRecord}s in the Confluent wire
 * format, registering under TopicNameStrategy subjects ({@code <topic>-value}, {@code <topic>-key}). The
 * configuration keys are Confluent's own, so the same properties work with either implementation.
 */
package io.qps.schemas.serde;
