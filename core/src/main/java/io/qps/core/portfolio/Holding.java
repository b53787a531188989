package io.qps.core.portfolio;

import io.qps.core.instrument.Instrument;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigInteger;

/**
 * One strategy's account in one instrument. Invariant after every fill:
 * {@code cash + costBasis == realizedPnl - fees}.
 */
final class Holding {
    /** Signed raw position. */
    long quantity;
    /** Signed money value of the open position at average cost (same sign as quantity, 0 when flat). */
    long costBasis;
    long realizedPnl;
    long fees;
    /** {@code -sum(signed notional) - fees}. */
    long cash;

    /**
     * Applies a fill of signed raw quantity {@code qty} at raw {@code price} with {@code fee}: adds to the
     * cost basis when it increases the position; when it reduces it, removes {@code costBasis * closed /
     * |quantity|} (rounded toward zero; exactly the cost basis when it closes all) and realizes the
     * difference to the closing notional; a fill through zero is a close of the whole position and an
     * open of the rest, its notional split exactly between the two.
     */
    void apply(Instrument in, long qty, long price, long fee) {
        long notional = in.notional(price, qty);
        cash = Math.subtractExact(cash, Math.addExact(notional, fee));
        fees = Math.addExact(fees, fee);
        if (quantity == 0 || Long.signum(quantity) == Long.signum(qty)) {
            costBasis = Math.addExact(costBasis, notional);
            quantity = Math.addExact(quantity, qty);
            return;
        }
        long held = Math.abs(quantity);
        long traded = Math.abs(qty);
        if (traded <= held) {
            long removed = traded == held ? costBasis : mulDiv(costBasis, traded, held);
            realizedPnl = Math.subtractExact(realizedPnl, Math.addExact(notional, removed));
            costBasis = Math.subtractExact(costBasis, removed);
            quantity = Math.addExact(quantity, qty);
            return;
        }
        long closingNotional = in.notional(price, -quantity);
        realizedPnl = Math.subtractExact(realizedPnl, Math.addExact(closingNotional, costBasis));
        costBasis = Math.subtractExact(notional, closingNotional);
        quantity = Math.addExact(quantity, qty);
    }

    /** Marked value {@code quantity * mid * multiplier} where {@code twiceMid = bid + ask}, rounded toward zero. */
    static long markedValue(Instrument in, long quantity, long twiceMid) {
        return in.notional(twiceMid, quantity) / 2;
    }

    /** Raw average entry price {@code |costBasis| / (|quantity| * moneyPerRawUnit)}, rounded down; 0 when flat. */
    long averagePrice(Instrument in) {
        if (quantity == 0) {
            return 0;
        }
        return Math.abs(costBasis) / Math.multiplyExact(Math.abs(quantity), in.moneyPerRawUnit());
    }

    /** {@code a * b / c} rounded toward zero, exact for any product that fits the result. */
    static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(quantity);
        out.writeLong(costBasis);
        out.writeLong(realizedPnl);
        out.writeLong(fees);
        out.writeLong(cash);
    }

    void read(DataInput in) throws IOException {
        quantity = in.readLong();
        costBasis = in.readLong();
        realizedPnl = in.readLong();
        fees = in.readLong();
        cash = in.readLong();
    }
}
