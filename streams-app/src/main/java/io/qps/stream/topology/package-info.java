/**
 * The qps Kafka Streams topology: {@link io.qps.stream.topology.QpsTopology#build} turns a
 * {@link io.qps.stream.topology.TopologySpec} into a {@link org.apache.kafka.streams.Topology} whose canonical
 * outputs equal the reference engine's for any partition count, thread count and restart.
 *
 * <h2>Shape</h2>
 * <pre>
 * ticks (N partitions, events + producer's progress markers) ─┐
 * internal-summaries (N, written by the partition tasks) ─────┴─► partition task p (one per ticks partition)
 *        per instrument of p: marks, execution, holdings, per-event strategies ─► orders, fills, positions
 *        boundary strategies (pairs, momentum) replicated in each partition that trades one of their instruments
 *        ─► internal-summaries: p's last books at a boundary, to the partitions running the same strategy
 *        ─► internal-partials (1): p's share of the portfolio's figures at each equity boundary
 * internal-partials ─► portfolio task (the only narrow task) ─► pnl
 * </pre>
 * Ticks are read once, by their partition's task, and are never copied to another topic. The narrow task reads
 * N records per minute of event time.
 *
 * <h2>Why it is exact</h2>
 * <ul>
 *   <li>A partition's ticks are in seq order (one producer, ordered sends); the task processes its
 *       instruments' events in that order, so each instrument's per-event step sees exactly the reference's
 *       sequence. Executions of different instruments do not interact.</li>
 *   <li>A boundary strategy decides at boundary B from the last books before B. Each partition computes its
 *       instruments' part at <em>ingest</em> (which needs nothing from other tasks) and sends it; a partition
 *       <em>releases</em> its first tick at or after B only when it holds the parts of B from every partition
 *       the due strategies read. The view is then exactly the reference's, whatever the arrival order of the
 *       summaries; targets of owned instruments are applied between the instrument's last event before B and
 *       its first at or after B, which is where the reference applies them.</li>
 *   <li>The portfolio's figures are sums over instruments, so a boundary's snapshot is the sum of the
 *       partitions' shares; each share is taken at release, after every event before B. The snapshot's key
 *       is the first event at or after B: the least first seq over the partitions (a partition that crossed B
 *       by a marker has none, and the global first event lies in a partition that crossed B by it).</li>
 *   <li>Progress markers (START, PROGRESS, END from the producer, in every partition) make an empty or quiet
 *       partition cross boundaries. Where they fall decides when a boundary is crossed, never what it holds:
 *       a marker carries the time of an event already published, so every later event of its partition is
 *       at or after it.</li>
 *   <li>State is on the heap and written to a changelogged {@link io.qps.stream.state.HeapStateStore} in the
 *       task's prepare-commit step, so under {@code exactly_once_v2} the changelog and the input offsets commit
 *       in one transaction. Unreleased ticks are part of that state.</li>
 * </ul>
 *
 * <h2>What the runner must provide</h2>
 * <ul>
 *   <li>{@code processing.guarantee=exactly_once_v2}.</li>
 *   <li>The run's topics (outputs and {@link io.qps.stream.topology.RunTopics#summaries()} with N partitions,
 *       {@link io.qps.stream.topology.RunTopics#partials()} with 1), with {@code retention.ms=-1}: record timestamps
 *       are event time.</li>
 *   <li>The session's instrument → partition map, as published ({@code TopologySpec.partitionOf}).</li>
 * </ul>
 */
package io.qps.stream.topology;
