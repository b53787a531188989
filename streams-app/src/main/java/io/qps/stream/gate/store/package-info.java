/**
 * The gate's buffer in a Kafka Streams key-value store: the adapter a gating processor uses so that
 * the buffer is changelogged and survives a crash or a rebalance. The gating rule itself stays in
 * {@link io.qps.stream.gate}, which imports no Kafka.
 */
package io.qps.stream.gate.store;
