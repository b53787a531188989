package io.qps.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.execution.ExecutionConfig;
import io.qps.core.execution.FeeSchedule;
import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.instrument.AssetClass;
import io.qps.core.market.MarketEvent;
import io.qps.core.sim.SimConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalDiffTest {
    private static final SimConfig SIM = SimulatedRuns.small(42);
    private static final List<MarketEvent> EVENTS = SimulatedRuns.events(SIM);

    @Test
    void identicalRunsHaveNoDivergence() {
        EngineResult a = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), EVENTS);
        EngineResult b = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), EVENTS);

        assertThat(CanonicalDiff.all(a.canonical(), b.canonical())).isEmpty();
    }

    @Test
    void aChangedFeeIsNamedAtTheFirstTakerFillWithItsSeqAndField() {
        EngineConfig base = EngineConfig.defaults();
        Map<AssetClass, FeeSchedule.Rates> rates = new EnumMap<>(FeeSchedule.defaults().rates());
        rates.put(AssetClass.CRYPTO, new FeeSchedule.Rates(100, 600));
        EngineConfig changed = new EngineConfig(base.strategies(),
                new ExecutionConfig(new FeeSchedule(rates), 0, base.execution().maxPositionNotional()),
                base.portfolio(), base.stats());
        EngineResult expected = ReferenceRun.run(SIM.universe(), base, EVENTS);
        EngineResult actual = ReferenceRun.run(SIM.universe(), changed, EVENTS);
        FillEvent firstCryptoTaker = expected.canonical().lines(OutputTopic.FILLS).stream()
                .map(line -> fillWithLine(expected, line)).filter(f -> f != null
                        && f.liquidity() == Liquidity.TAKER && SIM.universe().get(f.instrument()).assetClass() == AssetClass.CRYPTO)
                .findFirst().orElseThrow();

        Optional<Divergence> d = CanonicalDiff.first(expected.canonical(), actual.canonical(), OutputTopic.FILLS);

        assertThat(d).isPresent();
        assertThat(d.get().seq()).isEqualTo(firstCryptoTaker.seq());
        assertThat(d.get().expectedLine()).isEqualTo(firstCryptoTaker.canonical());
        assertThat(d.get().differingFields()).hasSize(1);
        assertThat(d.get().differingFields().get(0)).startsWith("fee: " + firstCryptoTaker.fee() + " -> ");
        assertThat(d.get().describe()).startsWith("fills: first divergence at record ")
                .contains("causal key " + firstCryptoTaker.seq() + "|" + firstCryptoTaker.symbol() + "|")
                .contains("(input seq " + firstCryptoTaker.seq() + ")");
        assertThat(CanonicalDiff.first(expected.canonical(), actual.canonical(), OutputTopic.ORDERS)).isEmpty();
    }

    @Test
    void aMissingRecordIsNamed() {
        EngineResult run = ReferenceRun.run(SIM.universe(), EngineConfig.defaults(), EVENTS);
        Map<OutputTopic, List<? extends OutputRecord>> fewer = new EnumMap<>(run.outputs().byTopic());
        List<OutputRecord> orders = new ArrayList<>(run.outputs().orders());
        OutputRecord dropped = orders.remove(orders.size() / 2);
        fewer.put(OutputTopic.ORDERS, orders);

        List<Divergence> all = CanonicalDiff.all(run.canonical(), CanonicalForm.of(fewer));

        assertThat(all).hasSize(1);
        Divergence d = all.get(0);
        assertThat(d.topic()).isEqualTo(OutputTopic.ORDERS);
        assertThat(d.seq()).isLessThanOrEqualTo(dropped.key().seq());
        assertThat(run.canonical().lines(OutputTopic.ORDERS).get(d.index())).isEqualTo(dropped.canonical());
    }

    private static FillEvent fillWithLine(EngineResult result, String line) {
        return result.outputs().fills().stream().filter(f -> f.canonical().equals(line)).findFirst().orElse(null);
    }
}
