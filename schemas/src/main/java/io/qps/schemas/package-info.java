/**
 * Avro schemas of every qps topic and their generated {@code SpecificRecord} classes (namespace
 * {@code io.qps.schemas}), and {@link io.qps.schemas.SchemaCatalog}, the list of top-level schemas (the
 * value schema of each topic kind).
 *
 * <p>Market data is one record, {@link io.qps.schemas.MarketEvent}, whose {@code payload} is a union of
 * {@code Quote}, {@code Trade} and {@code BookUpdate}: a session's ticks topic is keyed by instrument and must
 * carry all three kinds of one instrument interleaved in {@code seq} order, and under Confluent's
 * TopicNameStrategy a topic has a single value subject ({@code <topic>-value}), so a union inside one value
 * schema is the natural fit. The fills topic does the same with {@link io.qps.schemas.ExecutionReport}, a union
 * of {@code FillEvent} and {@code RejectEvent}.
 *
 * <p>Every fixed-point number is an Avro {@code long} whose {@code doc} states its scale (raw price ticks,
 * raw quantity units, or micro-units of money); no field is a floating-point number. Every output record
 * carries its run id and causal key ({@code seq}, {@code source}, {@code sub}).
 */
package io.qps.schemas;
