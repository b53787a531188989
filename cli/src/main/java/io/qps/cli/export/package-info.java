/**
 * Exporting a run's outputs in readable units (ISO times, decimal prices, dollars) as CSV or JSON lines: the pure
 * formatting ({@link io.qps.cli.export.ExportRows}, {@link io.qps.cli.export.RowWriter}) used by {@code qps export}
 * and {@code qps consume --topic}.
 */
package io.qps.cli.export;
