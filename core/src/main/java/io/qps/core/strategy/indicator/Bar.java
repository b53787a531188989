package io.qps.core.strategy.indicator;

/**
 * A closed bar of mid prices covering event time {@code [startMicros, startMicros + period)}.
 * Prices are raw fixed-point prices of the instrument as doubles (a mid may fall on a half tick).
 *
 * @param startMicros start of the bar's period, microseconds since the epoch, a multiple of the period
 * @param open first mid of the bar
 * @param high highest mid of the bar
 * @param low lowest mid of the bar
 * @param close last mid of the bar
 */
public record Bar(long startMicros, double open, double high, double low, double close) {
}
