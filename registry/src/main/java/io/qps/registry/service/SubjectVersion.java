package io.qps.registry.service;

import org.apache.avro.Schema;

/**
 * One version of a subject.
 *
 * @param subject the subject
 * @param version version under the subject, from 1
 * @param id global schema id
 * @param schema the parsed schema
 * @param text the schema's canonical text ({@code Schema.toString()}), what the API returns
 */
public record SubjectVersion(String subject, int version, int id, Schema schema, String text) {
}
