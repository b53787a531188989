/**
 * The gated merge, Kafka-free: records from N upstream sources (upstream partitions) are buffered and
 * released in {@link io.qps.core.engine.CausalKey} order, each only once every upstream source has
 * reported passing its {@code seq} (DESIGN.md section 2, "Merges across partitions are gated, never
 * raced"). The released sequence is a function of the set of records and the final frontier, never of
 * arrival order.
 *
 * <p>{@link io.qps.stream.gate.CausalGate} holds the rule; its state is a
 * {@link io.qps.stream.gate.GateBuffer} (meant to be a Kafka Streams key-value store keyed by
 * {@link io.qps.stream.gate.CausalKeyCodec}'s byte-order-preserving encoding) plus
 * {@link io.qps.stream.gate.GateProgress}, the per-source passed {@code seq}s. A processor wraps the gate;
 * nothing in this package imports Kafka, reads a clock or iterates in hash order. The buffer's adapter to
 * a Kafka Streams store lives apart, in {@code io.qps.stream.gate.store}.
 */
package io.qps.stream.gate;
