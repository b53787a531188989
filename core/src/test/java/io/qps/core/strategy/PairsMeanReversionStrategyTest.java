package io.qps.core.strategy;

import static io.qps.core.strategy.Recorded.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * XOM (2) is leg A, CVX (3) leg B. Both quote at m:00 and m:30 of every minute m with the minute's
 * mid (spread 2 cents), so bar m closes at boundary m+1:00, caused by CVX's m:30 quote, seq 4(m+1).
 * Legs are sized at the bar's closing mids. CVX alternates $100.00 (even minutes) and $101.00 (odd): in a 10-bar window five bars
 * sit at each price, so every bar has OLS leverage h = 1/10 + 1/10 = 0.2 on itself and 0 on bars
 * of the other parity. A single outlier of XOM over CVX at the newest bar therefore has
 * z = sqrt(n (1 - h)) = sqrt(8) = 2.83, and a newest bar on the line after an outlier of the other
 * parity has residual 0.
 */
class PairsMeanReversionStrategyTest {
    private static final Universe U = Universe.standard();
    private static final long MIN = 60_000_000L;

    private static PairsConfig config(double stopZ) {
        return config(stopZ, 5);
    }

    private static PairsConfig config(double stopZ, int cooldownBars) {
        return new PairsConfig("XOM", "CVX", MIN, 10, 2.0, 0.5, stopZ, cooldownBars, 100_000 * Money.ONE, 250_000 * Money.ONE);
    }

    private static PairsMeanReversionStrategy strategy(PairsConfig c) {
        return new PairsMeanReversionStrategy(c, U.require("XOM"), U.require("CVX"));
    }

    /** Minutes 0..lastMinute; xom overrides XOM's mid for the given minutes (pairs of minute, price). */
    private static List<MarketEvent> stream(int lastMinute, long... xom) {
        EventLog log = new EventLog();
        for (int m = 0; m <= lastMinute; m++) {
            long cvx = m % 2 == 0 ? 10_000 : 10_100;
            long a = cvx;
            for (int i = 0; i < xom.length; i += 2) {
                if (xom[i] == m) {
                    a = xom[i + 1];
                }
            }
            for (long ts : new long[] {m * MIN, m * MIN + MIN / 2}) {
                log.quote(2, ts, a - 1, a + 1).quote(3, ts, cvx - 1, cvx + 1);
            }
        }
        return log.build();
    }

    @Test
    void entersOnTheOutlierAndExitsWhenTheSpreadIsBack() {
        // XOM 2% over CVX in minute 11: z = +2.83 at seq 48 -> short XOM at $103.02 (970 shares), long CVX at
        // $101.00 (990); bar 12 back on the line: z = 0 at seq 52 -> flat
        List<Recorded> got = Recorded.run(strategy(config(4.0)), stream(14, 11, 10_302));
        assertThat(got).containsExactly(
                market(48, 2, -970), market(48, 3, 990),
                market(52, 2, 0), market(52, 3, 0));
    }

    @Test
    void noEntryBeyondTheStopAndAStopLossWhenTheSpreadRunsAway() {
        // minute 11: z = 2.83 > stop 2.5, no entry. Minute 13 (same parity): outliers d and ~2d give
        // z = (0.8 * 2d - 0.2 d) / sqrt((0.8 d^2 + 0.8 (2d)^2 - 0.4 * 2 d^2) / 10) = 2.48 -> short the spread at
        // seq 56, XOM sized at its minute-13 mid $103.04: 970 shares, CVX at $101.00: 990. Minute 14: XOM 10% under
        // CVX gives z = -sqrt(8) * 10 / sqrt(104) = -2.77, beyond the stop at seq 60.
        List<Recorded> got = Recorded.run(strategy(config(2.5)), stream(15, 11, 10_201, 13, 10_304, 14, 9_048));
        assertThat(got).containsExactly(
                market(56, 2, -970), market(56, 3, 990),
                market(60, 2, 0), market(60, 3, 0));
    }

    /**
     * After the stop above (bar 14), bar 15 has z = -0.2 and bar 16 z = 2d / sqrt(8.32 d^2) = 0.69; bar 17
     * puts XOM 15d over CVX: z = (0.8 * 15 - 0.6) / sqrt((83.2 + 0.8 * 225 - 1.2 * 15) / 10) = 2.30, an entry
     * (seq 72, XOM at $117.22: 853 shares, CVX at $101.00: 990) without a cool-down, but only 3 of the 5 cool-down bars have passed.
     */
    @Test
    void noEntryDuringTheCooldownAfterAStop() {
        List<MarketEvent> events = stream(18, 11, 10_201, 13, 10_304, 14, 9_048, 17, 11_722);
        List<Recorded> stopped = List.of(market(56, 2, -970), market(56, 3, 990), market(60, 2, 0), market(60, 3, 0));
        assertThat(Recorded.run(strategy(config(2.5, 5)), events)).isEqualTo(stopped);
        List<Recorded> withoutCooldown = new ArrayList<>(stopped);
        withoutCooldown.addAll(List.of(market(72, 2, -853), market(72, 3, 990)));
        assertThat(Recorded.run(strategy(config(2.5, 0)), events)).isEqualTo(withoutCooldown);
    }

    @Test
    void restartsFromItsStateExactly() {
        RandomWalks rnd = new RandomWalks(7);
        long[] b = rnd.path(6_000, 10_000, 3);
        long[] a = new long[b.length];
        long[] noise = rnd.path(b.length, 1_000, 2);
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] + noise[i] - 1_000;
        }
        List<MarketEvent> events = new EventLog().quotes(2, 0, 10_000_000, 1, a).quotes(3, 0, 10_000_000, 1, b).build();
        PairsConfig c = new PairsConfig("XOM", "CVX", MIN, 30, 2.0, 0.5, 4.0, 10, 100_000 * Money.ONE, 250_000 * Money.ONE);
        List<Recorded> targets = Snapshots.assertRestartInvariant(() -> strategy(c), events, 0.25, 0.5, 0.77);
        assertThat(targets.size()).isGreaterThan(20);
    }

    @Test
    void identityAndStateChecks() {
        PairsMeanReversionStrategy s = strategy(PairsConfig.defaults());
        assertThat(s.instanceName()).isEqualTo("alpha_1_pairs");
        assertThat(s.subscriptions()).containsExactly(2, 3);
        byte[] state = Snapshots.bytes(s);
        PairsMeanReversionStrategy other = new PairsMeanReversionStrategy(PairsConfig.defaults(), U.require("XOM"), U.require("AAPL"));
        assertThatThrownBy(() -> other.readState(new DataInputStream(new ByteArrayInputStream(state))))
                .isInstanceOf(IOException.class).hasMessageContaining("hedge leg 3");
    }
}
