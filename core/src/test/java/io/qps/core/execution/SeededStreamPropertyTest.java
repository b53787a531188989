package io.qps.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.portfolio.Portfolio;
import io.qps.core.portfolio.PortfolioConfig;
import io.qps.core.portfolio.PositionRecord;
import io.qps.core.strategy.StrategyId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Properties of execution and portfolio over 200 seeded random streams of 2,000 events: no fill before
 * its order's cause and activation or against an older book, fees as scheduled, positions and cash
 * changing only by fills and fees, the accounting invariant, strategies summing to the total, and
 * snapshot/restore mid-stream giving identical further outputs.
 */
class SeededStreamPropertyTest {
    private static final Universe U = Universe.standard();
    private static final int SEEDS = 200;
    private static final int EVENTS = 2_000;
    private static final ExecutionConfig CONFIG = new ExecutionConfig(FeeSchedule.defaults(), 2_000_000,
            250_000L * Money.ONE);
    private static final int STRATEGIES = StrategyId.values().length;

    /** The core driven as the reference engine will: portfolio sampling, execution, then the event's targets. */
    private static final class Run implements ExecutionListener {
        ExecutionEngine engine = new ExecutionEngine(U, CONFIG);
        Portfolio portfolio = new Portfolio(U, new PortfolioConfig(60_000_000));
        final List<String> outputs = new ArrayList<>();
        final List<PnlSnapshot> snapshots = new ArrayList<>();
        final List<PositionRecord> positions = new ArrayList<>();
        final List<FillEvent> fills = new ArrayList<>();
        final List<OrderEvent> orders = new ArrayList<>();
        final List<RejectEvent> rejects = new ArrayList<>();

        void step(SeededStream.Step s) {
            portfolio.onMarketEvent(s.event(), snap -> {
                snapshots.add(snap);
                outputs.add(snap.canonical());
            });
            engine.onMarketEvent(s.event(), this);
            for (TargetPosition t : s.targets()) {
                engine.onTarget(t, this);
            }
        }

        @Override
        public void onOrder(OrderEvent order) {
            orders.add(order);
            outputs.add(order.canonical());
        }

        @Override
        public void onFill(FillEvent fill) {
            fills.add(fill);
            outputs.add(fill.canonical());
            PositionRecord p = portfolio.onFill(fill);
            positions.add(p);
            outputs.add(p.canonical());
        }

        @Override
        public void onReject(RejectEvent reject) {
            rejects.add(reject);
            outputs.add(reject.canonical());
        }

        byte[] state() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            engine.writeState(out);
            portfolio.writeState(out);
            out.flush();
            return bytes.toByteArray();
        }

        void restore(byte[] state) throws IOException {
            engine = new ExecutionEngine(U, CONFIG);
            portfolio = new Portfolio(U, new PortfolioConfig(60_000_000));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            engine.readState(in);
            portfolio.readState(in);
            assertThat(in.available()).isZero();
        }
    }

    @Test
    void fillsNeverLookAheadAndAccountsMoveOnlyByFillsAndFees() {
        Map<String, Long> totals = new HashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            Map<String, Long> counts = checkSeed(seed);
            counts.forEach((k, v) -> totals.merge(k, v, Long::sum));
        }
        assertThat(totals).containsKeys("TAKER", "MAKER", "PLACED", "CANCELED", "BAD_QUANTITY", "BAD_PRICE",
                "UNKNOWN_INSTRUMENT", "RISK_LIMIT", "NO_MARKET_DATA", "partial");
        assertThat(totals.get("TAKER")).isGreaterThan(10_000);
        assertThat(totals.get("MAKER")).isGreaterThan(10_000);
    }

    private Map<String, Long> checkSeed(long seed) {
        List<SeededStream.Step> steps = SeededStream.generate(U, seed, EVENTS);
        Run run = new Run();
        Map<String, OrderEvent> placed = new HashMap<>();
        long[][] qty = new long[STRATEGIES][U.size()];
        long[][] cash = new long[STRATEGIES][U.size()];
        Map<String, Long> counts = new HashMap<>();
        for (SeededStream.Step step : steps) {
            MarketEvent e = step.event();
            int before = run.fills.size();
            int snapsBefore = run.snapshots.size();
            int ordersBefore = run.orders.size();
            run.step(step);
            checkSnapshots(run.snapshots.subList(snapsBefore, run.snapshots.size()));
            for (OrderEvent o : run.orders.subList(ordersBefore, run.orders.size())) {
                counts.merge(o.action().name(), 1L, Long::sum);
                if (o.action() == OrderEvent.Action.PLACED) {
                    placed.put(o.orderId(), o);
                }
            }
            for (int i = before; i < run.fills.size(); i++) {
                FillEvent f = run.fills.get(i);
                checkFill(f, placed.get(f.orderId()), e);
                counts.merge(f.liquidity().name(), 1L, Long::sum);
                if (f.remaining() > 0) {
                    counts.merge("partial", 1L, Long::sum);
                }
                Instrument in = U.get(f.instrument());
                int s = f.strategy().ordinal();
                qty[s][in.id()] += f.signedQuantity();
                cash[s][in.id()] -= in.notional(f.price(), f.signedQuantity()) + f.fee();
                PositionRecord p = run.positions.get(i);
                assertThat(p.key()).isEqualTo(f.key());
                assertThat(p.quantity()).isEqualTo(qty[s][in.id()]);
                assertThat(p.cash()).isEqualTo(cash[s][in.id()]);
                assertThat(p.cash() + p.costBasis()).isEqualTo(p.realizedPnl() - p.fees());
            }
            for (StrategyId s : StrategyId.values()) {
                for (int id = 0; id < U.size(); id++) {
                    assertThat(run.engine.instrument(id).position(s)).isEqualTo(qty[s.ordinal()][id]);
                    assertThat(run.portfolio.quantity(s, id)).isEqualTo(qty[s.ordinal()][id]);
                    assertThat(run.portfolio.cash(s, id)).isEqualTo(cash[s.ordinal()][id]);
                }
            }
        }
        for (RejectEvent r : run.rejects) {
            counts.merge(r.reason().name(), 1L, Long::sum);
        }
        return counts;
    }

    private static void checkFill(FillEvent f, OrderEvent order, MarketEvent e) {
        assertThat(order).as("fill of a placed order: %s", f).isNotNull();
        assertThat(f.seq()).isEqualTo(e.seq());
        assertThat(f.seq()).isGreaterThan(order.causeSeq());
        assertThat(f.orderCauseSeq()).isEqualTo(order.causeSeq());
        assertThat(f.timestampMicros()).isGreaterThanOrEqualTo(order.activeFromMicros());
        assertThat(f.side()).isEqualTo(order.side());
        Instrument in = U.get(f.instrument());
        assertThat(f.quantity() % in.lotSize()).isZero();
        assertThat(f.quantity()).isPositive();
        assertThat(f.fee()).isEqualTo(Money.feeOf(in.notional(f.price(), f.quantity()),
                CONFIG.fees().rate(in.assetClass(), f.liquidity())));
        if (f.liquidity() == Liquidity.MAKER) {
            assertThat(order.type()).isEqualTo(OrderType.LIMIT);
            assertThat(f.price()).isEqualTo(order.limitPrice());
            return;
        }
        assertThat(e.isBook()).as("a taker fill is priced from the event's own book").isTrue();
        Side bookSide = f.side().opposite();
        List<Long> levels = new ArrayList<>();
        for (int i = 0; i < Books.levels(e, bookSide); i++) {
            levels.add(Books.price(e, bookSide, i));
        }
        assertThat(levels).contains(f.price());
        if (order.type() == OrderType.LIMIT) {
            assertThat(f.side() == Side.BUY ? f.price() <= order.limitPrice() : f.price() >= order.limitPrice())
                    .isTrue();
        }
    }

    private static void checkSnapshots(List<PnlSnapshot> snaps) {
        assertThat(snaps.size() % (STRATEGIES + 1)).isZero();
        for (int g = 0; g < snaps.size(); g += STRATEGIES + 1) {
            long[] sum = new long[6];
            for (int s = 0; s < STRATEGIES; s++) {
                PnlSnapshot p = snaps.get(g + s);
                assertThat(p.book()).isEqualTo(StrategyId.values()[s].code());
                assertThat(p.totalPnl()).isEqualTo(p.realizedPnl() + p.unrealizedPnl() - p.fees());
                sum[0] += p.realizedPnl();
                sum[1] += p.unrealizedPnl();
                sum[2] += p.fees();
                sum[3] += p.totalPnl();
                sum[4] += p.grossExposure();
                sum[5] += p.fills();
            }
            PnlSnapshot t = snaps.get(g + STRATEGIES);
            assertThat(t.book()).isEqualTo(PnlSnapshot.TOTAL);
            assertThat(new long[] {t.realizedPnl(), t.unrealizedPnl(), t.fees(), t.totalPnl(), t.grossExposure(),
                t.fills()}).containsExactly(sum);
        }
    }

    @Test
    void snapshotAndRestoreMidStreamGivesIdenticalFurtherOutputs() throws IOException {
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<SeededStream.Step> steps = SeededStream.generate(U, seed, EVENTS);
            Run whole = new Run();
            steps.forEach(whole::step);

            int cut = 500 + (int) (seed * 7 % 1_000);
            Run split = new Run();
            steps.subList(0, cut).forEach(split::step);
            int mark = split.outputs.size();
            byte[] state = split.state();
            split.restore(state);
            assertThat(split.state()).as("restored state writes the same bytes").isEqualTo(state);
            steps.subList(cut, steps.size()).forEach(split::step);
            assertThat(split.outputs).as("seed %d cut at %d", seed, cut).isEqualTo(whole.outputs);
            assertThat(mark).isLessThan(split.outputs.size());
            assertThat(split.state()).isEqualTo(whole.state());
        }
    }

    /** Regression pin: seed 42's output counts and the SHA-256 of its canonical lines; change only on purpose. */
    @Test
    void aSeedsOutputsArePinned() throws NoSuchAlgorithmException {
        Run run = new Run();
        SeededStream.generate(U, 42, EVENTS).forEach(run::step);
        Map<String, Long> kinds = new TreeMap<>();
        run.fills.forEach(f -> kinds.merge("fill." + f.liquidity(), 1L, Long::sum));
        run.orders.forEach(o -> kinds.merge("order." + o.action(), 1L, Long::sum));
        run.rejects.forEach(r -> kinds.merge("reject." + r.reason(), 1L, Long::sum));
        kinds.put("snapshots", (long) run.snapshots.size());
        kinds.put("totalPnl", run.portfolio.totalPnl());
        kinds.put("fees", run.portfolio.fees());
        assertThat(kinds).hasToString("{fees=2531110494, fill.MAKER=152, fill.TAKER=709, order.CANCELED=224, "
                + "order.PLACED=811, reject.BAD_PRICE=13, reject.BAD_QUANTITY=7, reject.NO_MARKET_DATA=3, "
                + "reject.RISK_LIMIT=187, reject.UNKNOWN_INSTRUMENT=28, snapshots=2700, totalPnl=-6025947028}");

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String line : run.outputs) {
            sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo("9dd71b1fd07d8c637e5ad5dcad1c71a1f14c675b2860ff41aeb14e575d50a77f");
    }
}
