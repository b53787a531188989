package io.qps.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineResult;
import io.qps.core.engine.OutputTopic;
import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verdict, the documents and the divergence report on reference outputs, with and without a planted change. */
class VerificationTest {
    private static ReferenceFixture fixture;
    private static Universe universe;
    private static List<MarketEvent> events;
    private static EngineResult reference;

    @BeforeAll
    static void run() {
        fixture = ReferenceFixture.of(42, 1, 0.05);
        universe = fixture.universe;
        events = fixture.events;
        reference = fixture.reference;
    }

    private static Verification verify(RunResults live, RunResults replay) {
        return fixture.verify(live, replay);
    }

    private static RunResults copy(String run) {
        return fixture.copy(run);
    }

    private static RunResults withChangedFill(String run, StrategyId strategy) {
        return fixture.withChangedFill(run, strategy);
    }

    private static FillEvent firstFill(StrategyId strategy) {
        return reference.outputs().fills().stream().filter(f -> f.strategy() == strategy).findFirst().orElseThrow();
    }

    @Test
    void identicalRunsPassEverywhere() throws Exception {
        Verification v = verify(copy("live"), copy("replay-1"));
        assertThat(v.replicated()).isTrue();
        assertThat(v.passed()).isTrue();
        assertThat(v.liveVsReplay().strategies()).containsOnlyKeys(StrategyId.values()).doesNotContainValue(false);
        JsonNode summary = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(v)));
        List<String> fields = new ArrayList<>();
        summary.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("session", "pnl_match", "portfolio_pnl", "alphas", "oracle", "verdict",
                "runs", "digests", "pnl_definition", "trades_definition", "provenance");
        assertThat(summary.at("/portfolio_pnl/pnl_match").asText()).isEqualTo("PASS");
        assertThat(summary.path("pnl_match").asText()).isEqualTo("PASS");
        assertThat(summary.at("/provenance/dataset_sha256").asText()).isEqualTo("d".repeat(64));
        assertThat(summary.at("/provenance/config_hash").asText()).isEqualTo("c".repeat(64));
        assertThat(summary.at("/provenance/engine_config_sha256").asText()).isEqualTo("e".repeat(64));
        assertThat(summary.at("/provenance/qps_version").asText()).isEqualTo("0.1.0-test");
        assertThat(summary.at("/portfolio_pnl/live_pnl").decimalValue())
                .isEqualByComparingTo(summary.at("/oracle/reference_pnl").decimalValue());
        assertThat(summary.at("/portfolio_pnl/live_pnl").decimalValue()).isEqualByComparingTo(
                ResultsDocuments.dollars(reference.outputs().pnl().stream()
                        .filter(p -> p.book().equals("TOTAL")).reduce((a, b) -> b).orElseThrow().totalPnl()));
        for (StrategyId s : StrategyId.values()) {
            JsonNode a = summary.path("alphas").path(s.code());
            assertThat(a.path("trades").asLong()).isEqualTo(
                    reference.outputs().fills().stream().filter(f -> f.strategy() == s).count()).isPositive();
            assertThat(a.path("match").asText()).isEqualTo("PASS");
            assertThat(a.path("fills").asLong()).isEqualTo(a.path("trades").asLong());
            assertThat(a.path("round_trips").asLong()).isEqualTo(reference.stats().get(s.code()).roundTrips());
        }
        assertThat(summary.at("/digests/live").asText()).isEqualTo(reference.digest());
        JsonNode detailed = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(v)));
        assertThat(detailed.at("/divergences/live_vs_replay").size()).isZero();
        assertThat(detailed.at("/strategies/alpha_2_breakout/live/statistics/round_trips").asLong())
                .isEqualTo(reference.stats().get("alpha_2_breakout").roundTrips());
        assertThat(detailed.at("/provenance/dataset_sha256").asText()).isEqualTo("d".repeat(64));
        assertThat(detailed.at("/digests/reference").asText()).isEqualTo(reference.digest());
        assertThat(detailed.at("/comparisons/live_vs_replay").asText()).isEqualTo("PASS");
        assertThat(detailed.at("/statistics_conventions/days_per_year").asInt()).isEqualTo(365);
        JsonNode stats = detailed.at("/strategies/TOTAL/live/statistics");
        for (String ratio : List.of("sharpe", "sortino", "calmar", "profit_factor", "hit_rate", "exposure")) {
            assertThat(stats.path(ratio).isNumber() || stats.path(ratio).isNull()).as(ratio).isTrue();
        }
        assertThat(detailed.at("/topics/fills/reference/records").asInt())
                .isEqualTo(reference.outputs().fills().size() + reference.outputs().rejects().size());
    }

    @Test
    void oneChangedFillFailsThatStrategyAndNamesTheRecord() throws Exception {
        FillEvent changed = firstFill(StrategyId.ALPHA_2_BREAKOUT);
        Verification v = verify(copy("live"), withChangedFill("replay-1", StrategyId.ALPHA_2_BREAKOUT));
        assertThat(v.replicated()).isFalse();
        assertThat(v.liveVsReference().match()).isTrue();
        assertThat(v.replayVsReference().match()).isFalse();
        assertThat(v.liveVsReplay().strategies()).containsEntry(StrategyId.ALPHA_2_BREAKOUT, false)
                .containsEntry(StrategyId.ALPHA_1_PAIRS, true).containsEntry(StrategyId.ALPHA_3_MTF, true)
                .containsEntry(StrategyId.ALPHA_4_MULTI_ASSET, true).containsEntry(StrategyId.ALPHA_5_ORDERBOOK, true);
        assertThat(v.liveVsReplay().topics()).containsEntry(OutputTopic.FILLS, false)
                .containsEntry(OutputTopic.ORDERS, true);
        Divergence d = v.liveVsReplay().divergences().get(0);
        assertThat(d.topic()).isEqualTo(OutputTopic.FILLS);
        assertThat(d.seq()).isEqualTo(changed.seq());
        long lot = universe.get(changed.instrument()).lotSize();
        assertThat(d.differingFields()).containsExactly(
                "quantity: " + changed.quantity() + " -> " + (changed.quantity() + lot));
        assertThat(v.liveVsReplay().strategyOf(d)).isEqualTo("alpha_2_breakout");

        JsonNode summary = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(v)));
        assertThat(summary.at("/portfolio_pnl/pnl_match").asText()).isEqualTo("FAIL");
        assertThat(summary.at("/alphas/alpha_2_breakout/match").asText()).isEqualTo("FAIL");
        assertThat(summary.at("/alphas/alpha_1_pairs/match").asText()).isEqualTo("PASS");
        assertThat(summary.at("/verdict").asText()).isEqualTo("FAIL");
        JsonNode first = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(v)))
                .at("/divergences/live_vs_replay/0");
        assertThat(first.path("topic").asText()).isEqualTo("fills");
        assertThat(first.path("strategy").asText()).isEqualTo("alpha_2_breakout");
        assertThat(first.path("seq").asLong()).isEqualTo(changed.seq());
        assertThat(first.path("causal_key").asText()).isEqualTo(changed.key().canonical());
        assertThat(first.at("/chain/input_event").asText()).isEqualTo(events.get((int) changed.seq() - 1).toString());
        assertThat(first.at("/chain/live/fills/0").asText()).isEqualTo(changed.canonical());
    }

    @Test
    void provenanceStaysOutOfTheDigestsAndStatisticsUseTheLastSample() throws Exception {
        Verification other = Verification.of("s1", new Provenance("e".repeat(64), "f".repeat(64), "9", 7, 2,
                        "a".repeat(64)),
                RunSource.of(copy("live")), RunSource.of(copy("replay-1")),
                RunSource.of(RunResults.reference(reference)),
                universe, EngineConfig.defaults(), InputEvents.of(List.of()));
        Verification v = verify(copy("live"), copy("replay-1"));
        JsonNode a = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(v)));
        JsonNode b = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(other)));
        assertThat(b.path("digests")).isEqualTo(a.path("digests"));
        assertThat(b.path("provenance")).isNotEqualTo(a.path("provenance"));
        // the reference engine's own statistics and the verifier's agree: one definition, the last equity sample
        for (var e : reference.stats().entrySet()) {
            assertThat(v.stats().get("live").get(e.getKey())).isEqualTo(e.getValue());
            long lastSample = reference.outputs().pnl().stream().filter(p -> p.book().equals(e.getKey()))
                    .reduce((x, y) -> y).orElseThrow().totalPnl();
            assertThat(e.getValue().totalPnl()).as(e.getKey()).isEqualTo(lastSample);
        }
    }

    @Test
    void liveAndReplayQuarantiningDifferentRecordsFailsTheReplicationAndSaysWhere() throws Exception {
        DeadLetters live = DeadLettersTest.letters("live", DeadLettersTest.entry(0, 5, "crossed book"),
                DeadLettersTest.entry(1, 7, "trade size -3 is not positive"));
        DeadLetters replayed = DeadLettersTest.letters("replay-1", DeadLettersTest.entry(1, 7,
                "trade size -3 is not positive"), DeadLettersTest.entry(0, 5, "crossed book"));
        Verification same = verify(copy("live"), copy("replay-1"))
                .withQuarantined(Verification.Quarantined.of(live, replayed));
        assertThat(same.replicated()).isTrue();
        assertThat(same.passed()).isTrue();
        JsonNode ok = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(same)));
        assertThat(ok.at("/quarantined/live/records").asLong()).isEqualTo(2);
        assertThat(ok.at("/quarantined/live/digest").asText()).isEqualTo(live.digest())
                .isEqualTo(ok.at("/quarantined/replay-1/digest").asText());
        assertThat(ok.at("/quarantined/match").asText()).isEqualTo("PASS");
        assertThat(ok.at("/quarantined/first_difference").isNull()).isTrue();
        assertThat(ok.at("/quarantined/compares").asText()).startsWith("live vs replay")
                .contains("reference engine").contains("no bad records");

        DeadLetters fewer = DeadLettersTest.letters("replay-1", DeadLettersTest.entry(0, 5, "crossed book"));
        Verification differ = verify(copy("live"), copy("replay-1"))
                .withQuarantined(Verification.Quarantined.of(live, fewer));
        assertThat(differ.replicated()).isFalse();
        assertThat(differ.passed()).isFalse();
        JsonNode detailed = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.detailed(differ)));
        assertThat(detailed.at("/quarantined/replay-1/records").asLong()).isEqualTo(1);
        assertThat(detailed.at("/quarantined/match").asText()).isEqualTo("FAIL");
        JsonNode first = detailed.at("/quarantined/first_difference");
        assertThat(first.path("differing_field").asText()).isEqualTo("record");
        assertThat(first.path("partition").asInt()).isEqualTo(1);
        assertThat(first.path("offset").asLong()).isEqualTo(7);
        assertThat(first.at("/live/reason").asText()).isEqualTo("trade size -3 is not positive");
        assertThat(first.path("replay-1").isNull()).isTrue();
        JsonNode summary = new ObjectMapper().readTree(ResultsDocuments.text(ResultsDocuments.summary(differ)));
        assertThat(summary.at("/pnl_match").asText()).isEqualTo("FAIL");
    }

    @Test
    void moneyIsAnExactDecimalOfDollars() {
        assertThat(ResultsDocuments.dollars(0).toPlainString()).isEqualTo("0");
        assertThat(ResultsDocuments.dollars(1).toPlainString()).isEqualTo("0.000001");
        assertThat(ResultsDocuments.dollars(-12_340_000L).toPlainString()).isEqualTo("-12.34");
        assertThat(ResultsDocuments.dollars(1_000_000_000L).toPlainString()).isEqualTo("1000");
        assertThat(ResultsDocuments.dollars(Long.MAX_VALUE).toPlainString()).isEqualTo("9223372036854.775807");
    }
}
