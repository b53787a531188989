package io.qps.core.execution;

public enum OrderType {
    MARKET,
    LIMIT
}
