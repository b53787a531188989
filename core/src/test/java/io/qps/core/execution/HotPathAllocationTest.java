package io.qps.core.execution;

import static io.qps.core.execution.Events.AAPL;
import static io.qps.core.execution.Events.BTC;
import static io.qps.core.execution.Events.book;
import static io.qps.core.execution.Events.levels;
import static io.qps.core.execution.Events.limit;
import static io.qps.core.execution.Events.quote;
import static io.qps.core.execution.Events.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.portfolio.PortfolioConfig;
import io.qps.core.strategy.StrategyId;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The event path allocates nothing when there is nothing to do: no order working, or only a limit order
 * resting far from the market, and no sampling boundary crossed. Measured with the JVM's per-thread
 * allocation counter (bytes, not time): 200,000 events must allocate less than 64 KiB in total, where a
 * single object per event would already be 3 MB.
 */
class HotPathAllocationTest {
    private static final int EVENTS = 200_000;

    @Test
    void quietEventsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutionEngine engine = new ExecutionEngine(Universe.standard(), ExecutionConfig.defaults());
        Portfolio portfolio = new Portfolio(Universe.standard(), PortfolioConfig.defaults());
        Recorder rec = new Recorder();
        List<MarketEvent> events = new ArrayList<>(EVENTS);
        for (int i = 1; i <= EVENTS; i++) {
            long ts = 1_000_000_000L + i / 10;
            events.add(switch (i % 3) {
                case 0 -> quote(i, ts, AAPL, 10000, 100, 10002, 100);
                case 1 -> book(i, ts, BTC, levels(4999900, 500, 4999800, 700), levels(5000000, 300, 5000100, 900));
                default -> trade(i, ts, BTC, 5000000, 10, Side.BUY);
            });
        }
        engine.onMarketEvent(events.get(0), rec);
        engine.onMarketEvent(events.get(1), rec);
        engine.onTarget(limit(2, 1_000_000_000L, StrategyId.ALPHA_5_ORDERBOOK, BTC, 1000, 4000000), rec);
        assertThat(rec.drain()).hasSize(1);

        Consumer<PnlSnapshot> snapshots = rec.records::add;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 2; i < EVENTS; i++) {
                MarketEvent e = events.get(i);
                portfolio.onMarketEvent(e, snapshots);
                engine.onMarketEvent(e, rec);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 2) {
                assertThat(allocated).isLessThan(64 * 1024);
            }
        }
        assertThat(rec.records).isEmpty();
        assertThat(engine.instrument(BTC).workingOrders()).isEqualTo(1);
    }
}
