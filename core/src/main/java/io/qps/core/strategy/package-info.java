/**
 * The five strategies of qps and the factory that instantiates them for a session.
 *
 * <p>A {@link io.qps.core.strategy.Strategy} sees the market events of its subscribed instruments
 * in {@code seq} order and states target positions through a {@link io.qps.core.strategy.TargetSink};
 * it never sees fills, never reads a clock and never draws random numbers. Time is event time
 * ({@code timestampMicros}); bars come from {@link io.qps.core.strategy.indicator.BarBuilder}.
 * A strategy states a target only when it changes. Sizes are whole lots computed from a money
 * notional by {@link io.qps.core.strategy.Sizing}, never above a per-instrument notional cap.
 * Every strategy is {@link io.qps.core.state.Snapshottable}: its whole state round-trips through
 * bytes, and equal states write equal bytes.
 *
 * <p>{@link io.qps.core.strategy.StrategyFactory#create} builds a session's instances in
 * canonical order (strategy id, then instrument id) from a
 * {@link io.qps.core.strategy.StrategiesConfig}.
 */
package io.qps.core.strategy;
