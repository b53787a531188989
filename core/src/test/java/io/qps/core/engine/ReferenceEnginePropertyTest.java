package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.OrderEvent;
import io.qps.core.market.MarketEvent;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.sim.SimConfig;
import io.qps.core.strategy.StrategyId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants of whole runs on seeded simulated markets. */
class ReferenceEnginePropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8})
    void accountsChangeOnlyByFillsAndFeesAndNoFillLooksAhead(long seed) {
        SimConfig config = SimulatedRuns.small(seed);
        List<MarketEvent> events = SimulatedRuns.events(config);
        EngineResult result = ReferenceRun.run(config.universe(), EngineConfig.defaults(), events);
        RecordingSink out = result.outputs();
        assertThat(out.fills()).isNotEmpty();

        Map<String, OrderEvent> placed = new TreeMap<>();
        for (OrderEvent o : out.orders()) {
            if (o.action() == OrderEvent.Action.PLACED) {
                placed.put(o.orderId(), o);
            }
        }
        Map<String, long[]> account = new TreeMap<>(); // strategy/symbol -> {qty, cash}
        for (int i = 0; i < out.fills().size(); i++) {
            FillEvent f = out.fills().get(i);
            PositionRecord p = out.positions().get(i);
            OrderEvent order = placed.get(f.orderId());
            assertThat(order).as("fill of a placed order").isNotNull();
            assertThat(f.seq()).as("fill after its cause").isGreaterThan(order.causeSeq());
            assertThat(f.orderCauseSeq()).isEqualTo(order.causeSeq());
            MarketEvent market = events.get((int) f.seq() - 1);
            assertThat(market.seq()).isEqualTo(f.seq());
            assertThat(market.instrument()).isEqualTo(f.instrument());
            assertThat(market.timestampMicros()).isEqualTo(f.timestampMicros());

            long[] acc = account.computeIfAbsent(f.strategy().code() + "/" + f.symbol(), k -> new long[2]);
            acc[0] += f.signedQuantity();
            long notional = config.universe().get(f.instrument()).notional(f.price(), f.signedQuantity());
            acc[1] = acc[1] - notional - f.fee();
            assertThat(p.quantity()).as("position = sum of fills").isEqualTo(acc[0]);
            assertThat(p.cash()).as("cash = -notional - fees").isEqualTo(acc[1]);
            assertThat(p.cash() + p.costBasis()).as("cash + cost = realized - fees")
                    .isEqualTo(p.realizedPnl() - p.fees());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void strategyPnlSumsToThePortfolioAtEverySample(long seed) {
        EngineResult result = SimulatedRuns.run(SimulatedRuns.small(seed));
        List<PnlSnapshot> curve = result.outputs().pnl();
        assertThat(curve).isNotEmpty();
        int books = StrategyId.values().length + 1;
        assertThat(curve.size() % books).isZero();
        for (int i = 0; i < curve.size(); i += books) {
            long realized = 0;
            long unrealized = 0;
            long fees = 0;
            long total = 0;
            for (int s = 0; s < books - 1; s++) {
                PnlSnapshot snap = curve.get(i + s);
                realized += snap.realizedPnl();
                unrealized += snap.unrealizedPnl();
                fees += snap.fees();
                total += snap.totalPnl();
            }
            PnlSnapshot t = curve.get(i + books - 1);
            assertThat(t.book()).isEqualTo(PnlSnapshot.TOTAL);
            assertThat(new long[] {t.realizedPnl(), t.unrealizedPnl(), t.fees(), t.totalPnl()})
                    .isEqualTo(new long[] {realized, unrealized, fees, total});
        }
        long finalSum = 0;
        for (StrategyId s : StrategyId.values()) {
            finalSum += result.finals().get(s.code()).totalPnl();
        }
        assertThat(result.finals().get(PnlSnapshot.TOTAL).totalPnl()).isEqualTo(finalSum);
    }
}
