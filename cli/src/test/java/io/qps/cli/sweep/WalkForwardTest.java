package io.qps.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.cli.sweep.WalkForward.Window;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.stats.PerformanceStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final long D = 86_400_000_000L;
    private static final long H = 3_600_000_000L;

    @Test
    void windowsStepByTheTestPeriodWhileATestPeriodStartsBeforeTheEnd() {
        assertThat(WalkForward.windows(0, 3 * D, 2 * D, D)).containsExactly(new Window(0, 0, 2 * D, 3 * D));
        assertThat(WalkForward.windows(100, 100 + 5 * D, 2 * D, D)).containsExactly(
                new Window(0, 100, 100 + 2 * D, 100 + 3 * D),
                new Window(1, 100 + D, 100 + 3 * D, 100 + 4 * D),
                new Window(2, 100 + 2 * D, 100 + 4 * D, 100 + 5 * D));
        // the last test period is cut at the end of the data
        assertThat(WalkForward.windows(0, 2 * D + 6 * H, D, D)).containsExactly(
                new Window(0, 0, D, 2 * D), new Window(1, D, 2 * D, 2 * D + 6 * H));
        assertThat(WalkForward.windows(0, 2 * D, 2 * D, D)).isEmpty();
        assertThatThrownBy(() -> WalkForward.windows(0, D, 0, D)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slicesAreHalfOpenInEventTime() {
        List<MarketEvent> events = new ArrayList<>();
        long[] times = {5, 10, 10, 20, 30};
        for (int i = 0; i < times.length; i++) {
            events.add(new Trade(i + 1, times[i], 0, 100, 1, Side.BUY));
        }
        assertThat(WalkForward.slice(events, 10, 30)).extracting(MarketEvent::seq).containsExactly(2L, 3L, 4L);
        assertThat(WalkForward.slice(events, 0, 5)).isEmpty();
        assertThat(WalkForward.slice(events, 31, 99)).isEmpty();
    }

    @Test
    void theBestPointHasTheHighestTotalPnlAndTiesGoToTheEarliest() {
        List<SweepRunner.PointResult> r = List.of(result("a", 5), result("b", 9), result("c", 9), result("d", -1));
        assertThat(WalkForward.best(r)).isEqualTo(1);
    }

    private static SweepRunner.PointResult result(String name, long total) {
        return new SweepRunner.PointResult(Map.of("k", name), "x",
                new PerformanceStats("TOTAL", 0, 0, 0, 0, 0, 0, 0, 0, total, 0, 0, null, null, null, null, null,
                        null, 0, 0, 0, null, null, null, 0, 0, 1, 0));
    }
}
