/**
 * Durable storage of the embedded registry: an append-only log of registrations and configuration changes that
 * the registry replays at startup. {@link io.qps.registry.storage.KafkaSchemaStore} keeps it in a compacted Kafka
 * topic ({@code _qps_schemas}, like Confluent's {@code _schemas}); {@link io.qps.registry.storage.InMemorySchemaStore}
 * keeps it on the heap for fast tests.
 */
package io.qps.registry.storage;
