/**
 * Parameter sweeps over the reference engine: the grid of points ({@link io.qps.cli.sweep.SweepGrid}), running them
 * in parallel with results in point order ({@link io.qps.cli.sweep.SweepRunner}), walk-forward windows
 * ({@link io.qps.cli.sweep.WalkForward}) and the one adapter from the core's statistics to table columns
 * ({@link io.qps.cli.sweep.StatsColumns}). No Kafka: every point is an in-process reference run.
 */
package io.qps.cli.sweep;
