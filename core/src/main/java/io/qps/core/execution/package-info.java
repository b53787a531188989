/**
 * Deterministic execution, the simulated broker: turns strategies' target positions into orders and
 * fills them against the session's own market data, with no look-ahead.
 *
 * <p>{@link io.qps.core.execution.ExecutionEngine} routes targets and market events by instrument to
 * one {@link io.qps.core.execution.InstrumentExecution} each (single writer per instrument). Everything
 * the step produces ({@link io.qps.core.execution.OrderEvent}, {@link io.qps.core.execution.FillEvent},
 * {@link io.qps.core.execution.RejectEvent}) is reported to an
 * {@link io.qps.core.execution.ExecutionListener} in the order it happens. Prices and quantities are the
 * instrument's raw fixed-point units, money is {@link io.qps.core.instrument.Money} units.
 */
package io.qps.core.execution;
