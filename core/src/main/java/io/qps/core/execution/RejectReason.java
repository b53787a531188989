package io.qps.core.execution;

/** Stable reason codes of rejected orders. Codes are part of the output format: never renumber. */
public enum RejectReason {
    /** Quantity zero, or not a whole number of lots. */
    BAD_QUANTITY,
    /** Limit price not positive or not on the instrument's tick. */
    BAD_PRICE,
    /** The instrument id is not in the session's universe. */
    UNKNOWN_INSTRUMENT,
    /** The resulting position would exceed the strategy's maximum position notional. */
    RISK_LIMIT,
    /** No quote or book has been seen for the instrument yet, so the order cannot be priced for risk. */
    NO_MARKET_DATA
}
