package io.qps.core.strategy;

import static io.qps.core.strategy.Recorded.market;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class DonchianBreakoutStrategyTest {
    private static final Universe U = Universe.standard();
    private static final long MIN = 60_000_000L;

    /**
     * BTC-USD, one quote a minute (mids below, raw cents), 1-minute bars, so bar i closes at event
     * i + 1 (seq i + 2) and its high = low = close = mid i. Channel 3 bars, ATR(2), stop 1.5 ATR.
     * <pre>
     * bar 3  10100: channel 10000..10100, no break
     * bar 4  10300: > 10100 -> long, ATR (100+200)/2 = 150; sized at the mid of event 5, 10400:
     *               1e11 / 10400 = 9615384 units (seq 6)
     * bar 5  10400: best 10400, stop 10400 - 225 = 10175
     * bar 6  10200: ATR (100+200)/2 = 150, stop 10175: hold
     * bar 7  10100: < 10175 -> out, and < channel low 10200 -> short, sized at 10150:
     *               1e11 / 10150 = 9852216 (seq 9)
     * bar 8  10150: ATR 75, stop 10100 + 112.5: hold
     * bar 9  10200: ATR 50, stop 10100 + 75 = 10175 -> flat; 10200 is not above the channel high 10200 (seq 11)
     * </pre>
     */
    @Test
    void breaksOutTrailsAndFlips() {
        BreakoutConfig c = new BreakoutConfig(List.of("BTC-USD"), MIN, 3, 2, 1.5, 100_000 * Money.ONE, 250_000 * Money.ONE);
        List<MarketEvent> events = new EventLog().quotes(0, 0, MIN, 1,
                10_000, 10_100, 10_000, 10_100, 10_300, 10_400, 10_200, 10_100, 10_150, 10_200, 10_200).build();
        assertThat(Recorded.run(new DonchianBreakoutStrategy(c, U.get(0)), events)).containsExactly(
                market(6, 0, 9_615_384), market(9, 0, -9_852_216), market(11, 0, 0));
    }

    @Test
    void restartsFromItsStateExactly() {
        long[] path = new RandomWalks(11).path(20_000, 4_300_000, 400);
        List<MarketEvent> events = new EventLog().quotes(0, 0, 15_000_000, 50, path).build();
        List<Recorded> targets = Snapshots.assertRestartInvariant(
                () -> new DonchianBreakoutStrategy(BreakoutConfig.defaults(), U.get(0)), events, 0.3, 0.5, 0.91);
        assertThat(targets.size()).isGreaterThan(10);
    }

    @Test
    void namedAfterItsInstrument() {
        DonchianBreakoutStrategy s = new DonchianBreakoutStrategy(BreakoutConfig.defaults(), U.require("ES"));
        assertThat(s.instanceName()).isEqualTo("alpha_2_breakout/ES");
        assertThat(s.subscriptions()).containsExactly(8);
    }
}
