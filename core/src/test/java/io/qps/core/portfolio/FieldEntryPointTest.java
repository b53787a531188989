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

/** The entry point taking an event's fields gives the same snapshots and state as the one taking the event. */
class FieldEntryPointTest {
    private static final int AAPL = 4;

    @Test
    void fieldsAndEventGiveIdenticalSnapshotsAndState() throws Exception {
        List<MarketEvent> events = List.of(
                new Quote(1, 10_000_000, AAPL, 10000, 100, 10002, 100),
                new Trade(2, 59_000_000, AAPL, 10001, 5, Side.SELL),
                new Quote(3, 60_000_000, AAPL, 10020, 100, 10022, 100),
                new Trade(4, 130_000_000, AAPL, 10021, 5, Side.BUY),
                new Quote(5, 250_000_000, AAPL, 10030, 100, 10032, 100));
        FillEvent fill = new FillEvent(2, "AAPL", 0, 59_000_000, StrategyId.ALPHA_1_PAIRS, AAPL, "o", Side.BUY,
                100, 10012, Liquidity.TAKER, 500, 0, 1);
        Portfolio byEvent = new Portfolio(Universe.standard(), new PortfolioConfig(60_000_000));
        Portfolio byFields = new Portfolio(Universe.standard(), new PortfolioConfig(60_000_000));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (MarketEvent e : events) {
            byEvent.onMarketEvent(e, s -> a.add(s.canonical()));
            byFields.onMarketEvent(e.seq(), e.timestampMicros(), e.instrument(), e.isBook(), e.bestBid(),
                    e.bestAsk(), s -> b.add(s.canonical()));
            if (e.seq() == 2) {
                byEvent.onFill(fill);
                byFields.onFill(fill);
            }
        }
        assertThat(b).containsExactlyElementsOf(a).hasSize(24);
        assertThat(b.get(23)).isEqualTo("5|TOTAL|1|240000000|0|9000000|500|8999500|10021000000|1");
        var sa = new java.io.ByteArrayOutputStream();
        var sb = new java.io.ByteArrayOutputStream();
        byEvent.writeState(new java.io.DataOutputStream(sa));
        byFields.writeState(new java.io.DataOutputStream(sb));
        assertThat(sb.toByteArray()).isEqualTo(sa.toByteArray());
        assertThat(byFields.twiceMid(AAPL)).isEqualTo(20062);
    }
}
