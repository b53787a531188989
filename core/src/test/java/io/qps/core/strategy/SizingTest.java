package io.qps.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import org.junit.jupiter.api.Test;

class SizingTest {
    private static final Universe U = Universe.standard();
    private static final long K100 = 100_000 * Money.ONE;
    private static final long K250 = 250_000 * Money.ONE;

    @Test
    void cryptoIsSizedInTenThousandthsOfACoin() {
        // $43,000.00 per BTC: one raw unit (0.0001 BTC) is worth $4.30; $100k buys 23255 units (2.3255 BTC)
        assertThat(Sizing.quantity(U.require("BTC-USD"), 4_300_000, K100, K250)).isEqualTo(23_255);
    }

    @Test
    void fxIsSizedInWholeThousands() {
        // EURUSD 1.08500: a lot of 1,000 is worth $1,085; $100k buys 92 lots
        assertThat(Sizing.quantity(U.require("EURUSD"), 108_500, K100, K250)).isEqualTo(92_000);
    }

    @Test
    void oneContractWhenItFitsTheCapAndNoneWhenItDoesNot() {
        // ES 4500.00 x 50 = $225,000 a contract: more than $100k, within the $250k cap
        assertThat(Sizing.quantity(U.require("ES"), 450_000, K100, K250)).isEqualTo(1);
        // NQ 16000.00 x 20 = $320,000 a contract: over the cap
        assertThat(Sizing.quantity(U.require("NQ"), 1_600_000, K100, K250)).isZero();
        // the cap also bounds a notional above it: $300k of a $100 stock under a $250k cap is 2500 shares
        assertThat(Sizing.quantity(U.require("XOM"), 10_000, 300_000 * Money.ONE, K250)).isEqualTo(2_500);
        assertThat(Sizing.quantity(U.require("XOM"), 0, K100, K250)).isZero();
    }

    @Test
    void midRoundsDown() {
        assertThat(Sizing.midRaw(10_000, 10_001)).isEqualTo(10_000);
        assertThat(Sizing.midRaw(10_000, 10_002)).isEqualTo(10_001);
    }
}
