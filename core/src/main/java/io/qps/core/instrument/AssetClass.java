package io.qps.core.instrument;

/** The asset classes qps simulates. Fees and trading hours are set per class. */
public enum AssetClass {
    CRYPTO,
    EQUITY,
    FX,
    FUTURE
}
