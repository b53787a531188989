/**
 * The Confluent wire format of a Kafka record value: magic byte {@code 0}, the schema id as a 4-byte
 * big-endian int, then the Avro binary encoding of the value with that schema.
 */
package io.qps.schemas.wire;
