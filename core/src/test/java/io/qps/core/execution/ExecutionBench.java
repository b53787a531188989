package io.qps.core.execution;

import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.portfolio.PortfolioConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of execution + portfolio over a seeded stream, printed (not a test, nothing asserted):
 * {@code java -cp core/target/classes:core/target/test-classes io.qps.core.execution.ExecutionBench}.
 * It reports events/s with no targets (the hot path every market event takes) and with the seeded
 * targets of {@link SeededStream} (orders working most of the time).
 */
public final class ExecutionBench {
    private ExecutionBench() {
    }

    public static void main(String[] args) {
        Universe u = Universe.standard();
        List<SeededStream.Step> steps = SeededStream.generate(u, 7, 1_000_000);
        List<MarketEvent> events = new ArrayList<>(steps.size());
        steps.forEach(s -> events.add(s.event()));
        ExecutionListener sink = new ExecutionListener() {
            @Override
            public void onOrder(OrderEvent order) {
            }

            @Override
            public void onFill(FillEvent fill) {
            }

            @Override
            public void onReject(RejectEvent reject) {
            }
        };
        for (int round = 0; round < 5; round++) {
            ExecutionEngine engine = new ExecutionEngine(u, ExecutionConfig.defaults());
            long t0 = System.nanoTime();
            for (MarketEvent e : events) {
                engine.onMarketEvent(e, sink);
            }
            long t1 = System.nanoTime();
            Portfolio portfolio = new Portfolio(u, PortfolioConfig.defaults());
            for (MarketEvent e : events) {
                portfolio.onMarketEvent(e, s -> { });
            }
            long t2 = System.nanoTime();
            ExecutionEngine traded = new ExecutionEngine(u, ExecutionConfig.defaults());
            Portfolio p2 = new Portfolio(u, PortfolioConfig.defaults());
            ExecutionListener withPortfolio = new ExecutionListener() {
                @Override
                public void onOrder(OrderEvent order) {
                }

                @Override
                public void onFill(FillEvent fill) {
                    p2.onFill(fill);
                }

                @Override
                public void onReject(RejectEvent reject) {
                }
            };
            for (SeededStream.Step s : steps) {
                p2.onMarketEvent(s.event(), x -> { });
                traded.onMarketEvent(s.event(), withPortfolio);
                for (TargetPosition t : s.targets()) {
                    traded.onTarget(t, withPortfolio);
                }
            }
            long t3 = System.nanoTime();
            System.out.printf("round %d: execution, no targets %.1f M events/s; portfolio marks/samples %.1f M/s;"
                    + " both with targets %.2f M/s%n", round, events.size() * 1e3 / (t1 - t0),
                    events.size() * 1e3 / (t2 - t1), steps.size() * 1e3 / (t3 - t2));
        }
    }
}
