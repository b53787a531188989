/**
 * The qps Kafka Streams topology: {@link io.qps.stream.topology.QpsTopology#build} turns a
 * {@link io.qps.stream.topology.TopologySpec} into a {@link org.apache.kafka.streams.Topology} whose canonical
 * outputs equal the reference engine's for any partition count, thread count and restart.
 *
 * <h2>Shape</h2>
 * <pre>
 * ticks (N partitions) ─► tick-router (task per partition, stateless)
 *      ├─► market repartition (1 partition): MarketDigest ─► cross-strategies (single task)
 *      │        └─► targets + markers ─► exec repartition, partition of the instrument
 *      └─► exec repartition (N partitions, same partition as the tick): Tick
 * exec ─► instruments (task per partition): local strategies, execution ─► orders, fills topics
 *      └─► ledger repartition (1 partition): LedgerEntry ─► portfolio (single task) ─► pnl, positions topics
 * </pre>
 * Every task reads exactly one partition, so Kafka Streams' timestamp-based choice among a task's partitions
 * never arises. The exec topic has two writers (router and cross task); the cross task's sink names it through
 * {@link io.qps.stream.processor.ExecTopicExtractor} because the DSL cannot give a repartition topic two writers
 * in different sub-topologies.
 *
 * <h2>Why the merges are exact</h2>
 * The cross and portfolio tasks reassemble by dense seq: they release seq S only once S-1 was released. The exec
 * task releases seq &lt;= S only on the cross task's marker S: tick T of partition p was appended to exec/p inside
 * the router's transaction, which committed before the cross task could read digest T and therefore before it
 * wrote marker S &gt;= T to exec/p; the cross task is the single writer of targets and markers and writes them in
 * seq order. This needs {@code processing.guarantee=exactly_once_v2} (read_committed) on a real broker.
 *
 * <h2>Deviations from the first design</h2>
 * Position records are emitted by the portfolio task ({@code Portfolio.onFill}, exactly the reference's call)
 * instead of a per-instrument ledger in the exec task: the portfolio task receives every fill anyway, so this
 * needs no second copy of the accounts and is identical by construction.
 */
package io.qps.stream.topology;
