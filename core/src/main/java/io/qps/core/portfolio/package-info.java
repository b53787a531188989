/**
 * The portfolio: exact fixed-point accounting of every strategy's fills (positions, cost basis,
 * cash, realized PnL, fees), unrealized PnL marked to mid, and an equity curve sampled at fixed
 * event-time boundaries, per strategy and in total. Money is {@link io.qps.core.instrument.Money}
 * units throughout; nothing here uses {@code double}.
 */
package io.qps.core.portfolio;
