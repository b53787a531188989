/**
 * Running the topology on a real cluster: one run (live or replay) of a session from its ticks topic into the run's
 * output topics, with the Streams configuration a careful operator sets for exactly-once on a small cluster, the
 * run catalog entries ({@code qps.runs}), a bounded wait with progress and a stall detector, the reset before a
 * replay (Kafka's {@code StreamsResetter}), and the live mode that publishes the dataset while the application
 * consumes it. Wall-clock time here is only for waiting, logging and run metadata; it never reaches processing.
 */
package io.qps.runner;
