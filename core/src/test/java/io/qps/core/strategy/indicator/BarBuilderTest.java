package io.qps.core.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BarBuilderTest {
    private static final long MIN = 60_000_000L;
    private static final long SEC = 1_000_000L;

    @Test
    void closesOnTheFirstEventAtOrAfterTheEndAndSkipsEmptyPeriods() {
        BarBuilder b = new BarBuilder(MIN);
        assertThat(b.onPrice(10 * SEC, 100)).isNull();
        assertThat(b.onPrice(20 * SEC, 103)).isNull();
        assertThat(b.onPrice(30 * SEC, 99)).isNull();
        assertThat(b.onPrice(MIN - 1, 101)).isNull();
        // a trade (no price) at the bar's end closes it and opens nothing
        assertThat(b.onPrice(MIN, Double.NaN)).isEqualTo(new Bar(0, 100, 103, 99, 101));
        assertThat(b.isOpen()).isFalse();
        assertThat(b.onPrice(70 * SEC, 105)).isNull();
        // two empty periods later: the 1-minute bar closes, the new one starts at its own period
        assertThat(b.onPrice(200 * SEC, 106)).isEqualTo(new Bar(MIN, 105, 105, 105, 105));
        assertThat(b.onPrice(239 * SEC, 104)).isNull();
        assertThat(b.onPrice(240 * SEC, 107)).isEqualTo(new Bar(3 * MIN, 106, 106, 104, 104));
    }

    @Test
    void midOfQuotesAndTradesCarryNoPrice() {
        BarBuilder b = new BarBuilder(MIN);
        assertThat(b.onEvent(new Quote(1, 5 * SEC, 0, 10_000, 3, 10_003, 4))).isNull();
        assertThat(b.onEvent(new Trade(2, 6 * SEC, 0, 20_000, 1, Side.SELL))).isNull();
        assertThat(b.onEvent(new Quote(3, 7 * SEC, 0, 10_001, 3, 10_002, 4))).isNull();
        assertThat(b.onEvent(new Trade(4, MIN, 0, 1, 1, Side.BUY)))
                .isEqualTo(new Bar(0, 10_001.5, 10_001.5, 10_001.5, 10_001.5));
        assertThat(BarBuilder.mid(new Quote(5, 0, 0, 7, 1, 8, 1))).isEqualTo(7.5);
    }

    @Test
    void negativeTimesUseFloorPeriods() {
        BarBuilder b = new BarBuilder(MIN);
        b.onPrice(-1, 5);
        assertThat(b.onPrice(0, 6)).isEqualTo(new Bar(-MIN, 5, 5, 5, 5));
        assertThatThrownBy(() -> new BarBuilder(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateRoundTripsAndContinuesIdentically() throws IOException {
        BarBuilder a = new BarBuilder(MIN);
        a.onPrice(1 * SEC, 50);
        a.onPrice(2 * SEC, 52.5);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(buf));
        assertThat(buf.size()).isEqualTo(1 + 8 + 4 * 8);
        BarBuilder b = new BarBuilder(MIN);
        b.readState(new DataInputStream(new ByteArrayInputStream(buf.toByteArray())));
        assertThat(b.onPrice(MIN + 1, 1)).isEqualTo(a.onPrice(MIN + 1, 1)).isEqualTo(new Bar(0, 50, 52.5, 50, 52.5));
    }
}
