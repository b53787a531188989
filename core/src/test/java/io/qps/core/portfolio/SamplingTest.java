package io.qps.core.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The equity curve: which events emit snapshots, for which boundaries, with which keys and values. */
class SamplingTest {
    private static final int AAPL = 4;

    private final Portfolio portfolio = new Portfolio(Universe.standard(), new PortfolioConfig(60_000_000));
    private final List<String> out = new ArrayList<>();

    private List<String> event(MarketEvent e) {
        out.clear();
        portfolio.onMarketEvent(e, s -> out.add(s.canonical()));
        return List.copyOf(out);
    }

    private static List<String> group(long seq, int sub, long boundary, String p, String total) {
        return List.of(
                seq + "|alpha_1_pairs|" + sub + "|" + boundary + "|" + p,
                seq + "|alpha_2_breakout|" + sub + "|" + boundary + "|0|0|0|0|0|0",
                seq + "|alpha_3_mtf|" + sub + "|" + boundary + "|0|0|0|0|0|0",
                seq + "|alpha_4_multi_asset|" + sub + "|" + boundary + "|0|0|0|0|0|0",
                seq + "|alpha_5_orderbook|" + sub + "|" + boundary + "|0|0|0|0|0|0",
                seq + "|TOTAL|" + sub + "|" + boundary + "|" + total);
    }

    @Test
    void snapshotsEveryBoundaryCrossedBeforeTakingTheEventsMark() {
        assertThat(event(new Quote(1, 10_000_000, AAPL, 10000, 100, 10002, 100))).isEmpty();
        assertThat(event(new Quote(2, 59_000_000, AAPL, 10010, 100, 10012, 100))).isEmpty();
        portfolio.onFill(new FillEvent(2, "AAPL", 0, 59_000_000, StrategyId.ALPHA_1_PAIRS, AAPL, "o", Side.BUY,
                100, 10012, Liquidity.TAKER, 500, 0, 1));

        // mark before event 3: mid 100.11 -> 100 x 100.11 = $10,011 vs cost $10,012
        String at60 = "0|-1000000|500|-1000500|10011000000|1";
        assertThat(event(new Quote(3, 60_000_000, AAPL, 10020, 100, 10022, 100)))
                .containsExactlyElementsOf(group(3, 0, 60_000_000, at60, at60));
        assertThat(event(new Trade(4, 61_000_000, AAPL, 10021, 5, Side.BUY))).isEmpty();

        // one event crosses 120 s, 180 s and 240 s: subs 0, 1, 2; mark mid 100.21
        String later = "0|9000000|500|8999500|10021000000|1";
        List<String> expected = new ArrayList<>();
        expected.addAll(group(5, 0, 120_000_000, later, later));
        expected.addAll(group(5, 1, 180_000_000, later, later));
        expected.addAll(group(5, 2, 240_000_000, later, later));
        assertThat(event(new Quote(5, 250_000_000, AAPL, 10030, 100, 10032, 100)))
                .containsExactlyElementsOf(expected);

        String at300 = "0|19000000|500|18999500|10031000000|1";
        assertThat(event(new Quote(6, 300_000_000, AAPL, 10040, 100, 10042, 100)))
                .as("an event exactly on a boundary emits it")
                .containsExactlyElementsOf(group(6, 0, 300_000_000, at300, at300));
        assertThat(event(new Quote(7, 300_000_000, AAPL, 10040, 100, 10042, 100))).isEmpty();
    }
}
