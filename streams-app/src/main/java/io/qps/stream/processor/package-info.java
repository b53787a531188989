/**
 * The Kafka Streams processors of the qps topology: thin adapters that load core state from changelogged stores,
 * call the trading core and forward what it produces. {@link io.qps.stream.processor.TickRouterProcessor} fans
 * each tick out to its exec partition and to the cross task; {@link io.qps.stream.processor.CrossStrategyProcessor}
 * runs the cross-instrument strategies in seq order and releases the exec partitions with markers;
 * {@link io.qps.stream.processor.InstrumentProcessor} runs each instrument's strategies and execution behind that
 * gate; {@link io.qps.stream.processor.PortfolioProcessor} keeps the accounts and the equity curve in seq order.
 * No processor reads the wall clock or schedules punctuators. Each keeps a heap copy of its core objects, loaded
 * from its changelogged stores at the task's first record (Kafka Streams restores stores before any record is
 * processed), and writes the changed state back after every record, so a restarted or migrated task resumes from
 * exactly what was committed.
 */
package io.qps.stream.processor;
