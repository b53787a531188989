package io.qps.core.market;

/** Side of an order, a fill or a trade's aggressor. */
public enum Side {
    BUY,
    SELL;

    /** +1 for BUY, -1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The side that takes a signed quantity change: BUY when positive, SELL when negative. */
    public static Side of(long signedQty) {
        if (signedQty == 0) {
            throw new IllegalArgumentException("a zero quantity has no side");
        }
        return signedQty > 0 ? BUY : SELL;
    }
}
