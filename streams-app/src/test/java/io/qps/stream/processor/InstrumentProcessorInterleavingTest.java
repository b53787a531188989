package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.TargetPosition;
import io.qps.core.instrument.Universe;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;
import io.qps.stream.codec.ExecMessage;
import io.qps.stream.topology.MergeMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * The exec task of partition 0 (XOM and CVX) gets ticks from the router and targets and markers from the cross
 * task; every interleaving of the two writers (each in its own order) gives the same outputs and store contents.
 * Seq 3 is a tick of another partition whose cross targets land here.
 */
class InstrumentProcessorInterleavingTest {
    private static final Universe UNIVERSE = Universe.standard();
    private static final long T0 = 1_704_117_600_000_000L;
    private static final int XOM = 2;
    private static final int CVX = 3;

    private static final List<ExecMessage> ROUTER = List.of(
            new ExecMessage.Tick(0, new Quote(1, T0, XOM, 10_000, 500, 10_002, 500)),
            new ExecMessage.Tick(0, new Quote(2, T0 + 1_000_000, CVX, 15_000, 300, 15_004, 300)),
            new ExecMessage.Tick(0, new Quote(4, T0 + 3_000_000, XOM, 10_001, 500, 10_003, 500)),
            new ExecMessage.Tick(0, new Trade(5, T0 + 4_000_000, XOM, 10_001, 600, Side.SELL)),
            new ExecMessage.Tick(0, new Quote(6, T0 + 5_000_000, CVX, 14_998, 300, 15_002, 300)));

    private static final List<ExecMessage> CROSS = List.of(
            new ExecMessage.Marker(0, 1),
            new ExecMessage.Marker(0, 2),
            new ExecMessage.Target(0, new TargetPosition(3, T0 + 2_000_000, StrategyId.ALPHA_1_PAIRS, 0, XOM, 100,
                    OrderType.MARKET, 0)),
            new ExecMessage.Target(0, new TargetPosition(3, T0 + 2_000_000, StrategyId.ALPHA_1_PAIRS, 1, CVX, -50,
                    OrderType.MARKET, 0)),
            new ExecMessage.Target(0, new TargetPosition(3, T0 + 2_000_000, StrategyId.ALPHA_4_MULTI_ASSET, 0, XOM,
                    20, OrderType.LIMIT, 10_001)),
            new ExecMessage.Marker(0, 3),
            new ExecMessage.Marker(0, 4),
            new ExecMessage.Marker(0, 5),
            new ExecMessage.Marker(0, 6));

    /** Of the C(14, 5) = 2,002 merges, those where every marker S follows the ticks up to S. */
    private static final int INTERLEAVINGS = 264;

    /** The gated outputs, in forward order (orders, fills and ledger entries as their records print). */
    private static final List<String> GOLDEN_ORDER_AND_FILL_KEYS = List.of(
            "ORDER 3|alpha_1_pairs/XOM|0 PLACED alpha_1_pairs BUY 100",
            "ORDER 3|alpha_4_multi_asset/XOM|0 PLACED alpha_4_multi_asset BUY 20",
            "ORDER 3|alpha_1_pairs/CVX|0 PLACED alpha_1_pairs SELL 50",
            "FILL 4|XOM|0 alpha_1_pairs BUY 100 @10003 TAKER",
            "FILL 5|XOM|0 alpha_4_multi_asset BUY 20 @10001 MAKER",
            "FILL 6|CVX|0 alpha_1_pairs SELL 50 @14998 TAKER");

    private static ProcessorRig<String, ExecMessage> rig(MergeMode mode) {
        return new ProcessorRig<String, ExecMessage>(
                new InstrumentProcessor(UNIVERSE, EngineConfig.defaults(), mode), "app-exec-repartition", 0)
                .store(InstrumentProcessor.BUFFER_STORE, Serdes.Bytes())
                .store(InstrumentProcessor.STATE_STORE, Serdes.String())
                .init();
    }

    private static void feed(ProcessorRig<String, ExecMessage> rig, List<ExecMessage> arrivals) {
        for (ExecMessage m : arrivals) {
            rig.pipe("k", m, 0L);
        }
    }

    /** Every merge of ROUTER and CROSS keeping each list's order. */
    private static void interleavings(Consumer<List<ExecMessage>> each) {
        interleave(new ArrayList<>(), 0, 0, each);
    }

    private static void interleave(List<ExecMessage> prefix, int r, int c, Consumer<List<ExecMessage>> each) {
        if (r == ROUTER.size() && c == CROSS.size()) {
            each.accept(prefix);
            return;
        }
        if (r < ROUTER.size()) {
            prefix.add(ROUTER.get(r));
            interleave(prefix, r + 1, c, each);
            prefix.remove(prefix.size() - 1);
        }
        if (c < CROSS.size() && causal(CROSS.get(c), r)) {
            prefix.add(CROSS.get(c));
            interleave(prefix, r, c + 1, each);
            prefix.remove(prefix.size() - 1);
        }
    }

    /**
     * The router's tick S is appended before the cross task can even read S's digest, so a marker for S comes
     * after every tick of this partition with seq &lt;= S: the only arrival orders a real broker can produce.
     */
    private static boolean causal(ExecMessage next, int routerDelivered) {
        if (!(next instanceof ExecMessage.Marker m)) {
            return true;
        }
        for (int i = routerDelivered; i < ROUTER.size(); i++) {
            if (ROUTER.get(i).seq() <= m.seq()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> summary(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof io.qps.core.execution.OrderEvent o) {
                out.add("ORDER " + o.key().canonical() + " " + o.action() + " " + o.strategy().code() + " " + o.side()
                        + " " + o.quantity());
            } else if (v instanceof io.qps.core.execution.FillEvent f) {
                out.add("FILL " + f.key().canonical() + " " + f.strategy().code() + " " + f.side() + " "
                        + f.quantity() + " @" + f.price() + " " + f.liquidity());
            } else if (v instanceof io.qps.core.execution.RejectEvent j) {
                out.add("REJECT " + j.key().canonical() + " " + j.reason());
            }
        }
        return out;
    }

    @Test
    void everyInterleavingGivesTheSameOutputsAndStores() {
        Set<List<String>> outputs = new LinkedHashSet<>();
        Set<List<String>> stores = new LinkedHashSet<>();
        int[] count = {0};
        interleavings(arrivals -> {
            ProcessorRig<String, ExecMessage> rig = rig(MergeMode.GATED);
            feed(rig, arrivals);
            outputs.add(rig.forwarded());
            stores.add(rig.storeContents());
            count[0]++;
        });
        assertThat(count[0]).isEqualTo(INTERLEAVINGS);
        assertThat(outputs).hasSize(1);
        assertThat(stores).hasSize(1);
        ProcessorRig<String, ExecMessage> rig = rig(MergeMode.GATED);
        List<ExecMessage> routerFirst = new ArrayList<>(ROUTER);
        routerFirst.addAll(CROSS);
        feed(rig, routerFirst);
        assertThat(summary(rig.forwardedValues())).containsExactlyElementsOf(GOLDEN_ORDER_AND_FILL_KEYS);
        assertThat(rig.forwardedValues()).filteredOn(v -> v instanceof io.qps.stream.codec.LedgerEntry)
                .extracting(v -> ((io.qps.stream.codec.LedgerEntry) v).seq()).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(rig.storeContents()).filteredOn(s -> s.startsWith(InstrumentProcessor.BUFFER_STORE)).isEmpty();
        assertThat(rig.storeContents()).filteredOn(s -> s.startsWith(InstrumentProcessor.STATE_STORE))
                .extracting(s -> s.substring(0, s.indexOf('=')))
                .containsExactly("qps-exec-state #released", "qps-exec-state CVX", "qps-exec-state XOM");
    }

    @Test
    void arrivalOrderMergeIsCaughtByTheSameEnumeration() {
        Set<List<String>> outputs = new LinkedHashSet<>();
        interleavings(arrivals -> {
            ProcessorRig<String, ExecMessage> rig = rig(MergeMode.ARRIVAL_ORDER);
            feed(rig, arrivals);
            outputs.add(summary(rig.forwardedValues()).stream().sorted().toList());
        });
        assertThat(outputs.size()).isGreaterThan(1);
        assertThat(outputs).contains(GOLDEN_ORDER_AND_FILL_KEYS.stream().sorted().toList());
        assertThat(outputs).contains(List.of(
                "ORDER 3|alpha_1_pairs/CVX|0 PLACED alpha_1_pairs SELL 50",
                "ORDER 3|alpha_1_pairs/XOM|0 PLACED alpha_1_pairs BUY 100",
                "ORDER 3|alpha_4_multi_asset/XOM|0 PLACED alpha_4_multi_asset BUY 20"));
    }

    @Test
    void aRecordAtOrBelowTheReleasedSeqThrows() {
        ProcessorRig<String, ExecMessage> rig = rig(MergeMode.GATED);
        feed(rig, List.of(ROUTER.get(0), CROSS.get(0), ROUTER.get(1), CROSS.get(1), CROSS.get(2), CROSS.get(3),
                CROSS.get(4), CROSS.get(5)));
        assertThatThrownBy(() -> rig.pipe("k", CROSS.get(2), 0L))
                .hasMessage("exec partition 0: target seq 3 of instrument XOM arrived after seq 3 was released");
        assertThatThrownBy(() -> rig.pipe("k", new ExecMessage.Tick(0, new Quote(2, T0, XOM, 1, 1, 2, 1)), 0L))
                .hasMessage("exec partition 0: tick seq 2 of instrument XOM arrived after seq 3 was released");
        assertThatThrownBy(() -> rig.pipe("k", new ExecMessage.Marker(0, 3), 0L))
                .hasMessage("exec partition 0: marker 3 does not advance the released seq 3");
        rig.pipe("k", ROUTER.get(2), 0L);
        assertThatThrownBy(() -> rig.pipe("k", ROUTER.get(2), 0L))
                .hasMessage("exec partition 0: tick seq 4 of instrument XOM arrived twice");
    }

    @Test
    void aRecordReadFromAnotherPartitionThanItsOwnThrows() {
        ProcessorRig<String, ExecMessage> rig = rig(MergeMode.GATED);
        assertThatThrownBy(() -> rig.pipe("k", new ExecMessage.Marker(1, 1), 0L))
                .hasMessage("exec record for seq 1 bound to partition 1 was read from partition 0");
    }
}
