package io.qps.schemas.registry;

import org.apache.avro.Schema;

/**
 * A schema as registered under a subject.
 *
 * @param subject the subject, e.g. {@code demo1.ticks-value}
 * @param version its version under the subject, from 1
 * @param id the registry-wide schema id (the one in the wire format)
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
