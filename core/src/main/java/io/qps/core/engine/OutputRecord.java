package io.qps.core.engine;

/**
 * An output of the trading core: an order event, a fill or rejection, a position, a PnL snapshot.
 * Its canonical text is one line that starts with its causal key and lists every field in a fixed
 * order with fixed-point numbers as plain integers; two runs match when these lines are equal.
 */
public interface OutputRecord {
    CausalKey key();

    /** One line, no trailing newline: {@code key.canonical()} then {@code |}-separated fields. */
    String canonical();
}
