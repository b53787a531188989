/**
 * Performance statistics of a run, from its outputs alone: the equity curve (PnL samples per strategy and in
 * total), the fills and the positions. {@link io.qps.core.stats.PerformanceCalculator} is the one definition the
 * reference engine, the verifier and the report use; {@link io.qps.core.stats.StatsConfig#CONVENTIONS} states its
 * conventions (capital base, daily returns on UTC days, 365-day annualization, null for undefined ratios).
 * {@link io.qps.core.stats.EquityCurve} and {@link io.qps.core.stats.Ratios} are the building blocks, also used
 * for the report's hourly series. Money stays exact; ratios are doubles summed in a fixed order with
 * {@code StrictMath}.
 */
package io.qps.core.stats;
