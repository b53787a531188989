package io.qps.core.execution;

/** Whether a fill added liquidity (a resting limit order) or took it (market or marketable order). */
public enum Liquidity {
    MAKER,
    TAKER
}
