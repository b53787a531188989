/**
 * Byte formats of the records that pass between the topology's tasks: partition summaries at boundaries and
 * PnL shares ({@link io.qps.stream.codec.BoundaryMessages}). They never leave a run: the public topics carry Avro.
 */
package io.qps.stream.codec;
