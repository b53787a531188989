/**
 * An embedded schema registry for the no-Docker default: {@link io.qps.registry.EmbeddedSchemaRegistry} serves the
 * subset of Confluent's Schema Registry REST API that qps uses on loopback, keeping its schemas in a compacted
 * Kafka topic so that ids survive a restart. The same client and serdes work against it and against a real
 * {@code cp-schema-registry}.
 */
package io.qps.registry;
