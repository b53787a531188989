package io.qps.verify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qps.core.engine.CausalKey;
import io.qps.core.engine.Divergence;
import io.qps.core.engine.OutputTopic;
import io.qps.core.instrument.Money;
import io.qps.core.portfolio.PnlSnapshot;
import io.qps.core.stats.PerformanceStats;
import io.qps.core.stats.StatsConfig;
import io.qps.core.strategy.StrategyId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The verifier's JSON documents: {@code results.json} (the seed's shape plus the oracle verdict) and
 * {@code results_detailed.json} (figures, statistics, digests and divergences). Money is printed as an exact
 * decimal number of dollars from the fixed-point value (never through a {@code double}); PnL is a book's
 * {@code totalPnl} (realized + unrealized - fees) at its last equity-curve sample.
 */
public final class ResultsDocuments {
    /** What "pnl" means in both documents. */
    public static final String PNL_DEFINITION = StatsConfig.PNL_DEFINITION;
    /** What "trades" counts in {@code results.json}: kept for the seed's shape, it equals {@code fills}. */
    public static final String TRADES_DEFINITION = "trades = fills (fill events, a partial fill counts once each),"
            + " kept for compatibility; round_trips counts positions taken from flat back to flat";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ResultsDocuments() {
    }

    /** {@code results.json}. */
    public static ObjectNode summary(Verification v) {
        ObjectNode root = NODES.objectNode();
        root.put("session", v.session());
        root.put("pnl_match", Comparison.verdict(v.replicated()));
        ObjectNode portfolio = root.putObject("portfolio_pnl");
        portfolio.set("live_pnl", pnl(v.live(), PnlSnapshot.TOTAL));
        portfolio.set("replay_pnl", pnl(v.replay(), PnlSnapshot.TOTAL));
        portfolio.put("pnl_match", Comparison.verdict(v.replicated()));
        ObjectNode alphas = root.putObject("alphas");
        for (StrategyId s : StrategyId.values()) {
            ObjectNode a = alphas.putObject(s.code());
            RunSummary live = v.live().only(s);
            a.put("trades", live.fills().size());
            a.set("pnl", pnl(v.live(), s.code()));
            a.put("match", Comparison.verdict(v.liveVsReplay().strategies().get(s)));
            a.put("reference_match", Comparison.verdict(v.liveVsReference().strategies().get(s)
                    && v.replayVsReference().strategies().get(s)));
            a.put("fills", live.fills().size());
            PerformanceStats st = v.stats().get(v.live().run()).get(s.code());
            a.put("round_trips", st == null ? 0 : st.roundTrips());
        }
        ObjectNode oracle = root.putObject("oracle");
        oracle.set("reference_pnl", pnl(v.reference(), PnlSnapshot.TOTAL));
        oracle.put("live_vs_reference", Comparison.verdict(v.liveVsReference().match()));
        oracle.put("replay_vs_reference", Comparison.verdict(v.replayVsReference().match()));
        root.put("verdict", Comparison.verdict(v.passed()));
        ObjectNode runs = root.putObject("runs");
        runs.put("live", v.live().run());
        runs.put("replay", v.replay().run());
        ObjectNode digests = root.putObject("digests");
        digests.put("live", v.live().canonical().digest());
        digests.put("replay", v.replay().canonical().digest());
        digests.put("reference", v.reference().canonical().digest());
        root.put("pnl_definition", PNL_DEFINITION);
        root.put("trades_definition", TRADES_DEFINITION);
        root.set("provenance", provenance(v.provenance()));
        return root;
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode o = NODES.objectNode();
        o.put("dataset_sha256", p.datasetSha256());
        o.put("config_hash", p.configHash());
        o.put("engine_config_sha256", p.engineConfigSha256());
        o.put("qps_version", p.qpsVersion());
        o.put("seed", p.seed());
        o.put("days", p.days());
        o.put("note", "from the session manifest; not part of any digest");
        return o;
    }

    /** {@code results_detailed.json}. */
    public static ObjectNode detailed(Verification v) {
        ObjectNode root = NODES.objectNode();
        root.put("session", v.session());
        root.put("verdict", Comparison.verdict(v.passed()));
        root.put("pnl_match", Comparison.verdict(v.replicated()));
        ObjectNode runs = root.putObject("runs");
        runs.put("live", v.live().run());
        runs.put("replay", v.replay().run());
        runs.put("reference", v.reference().run());
        ObjectNode digests = root.putObject("digests");
        for (RunSummary r : runs(v)) {
            digests.put(r.run(), r.canonical().digest());
        }
        ObjectNode comparisons = root.putObject("comparisons");
        comparisons.put("live_vs_replay", Comparison.verdict(v.liveVsReplay().match()));
        comparisons.put("live_vs_reference", Comparison.verdict(v.liveVsReference().match()));
        comparisons.put("replay_vs_reference", Comparison.verdict(v.replayVsReference().match()));
        ObjectNode books = root.putObject("strategies");
        for (StrategyId s : StrategyId.values()) {
            ObjectNode b = books.putObject(s.code());
            for (RunSummary r : runs(v)) {
                b.set(r.run(), figures(v, r, s.code()));
            }
            ObjectNode match = b.putObject("match");
            match.put("live_vs_replay", Comparison.verdict(v.liveVsReplay().strategies().get(s)));
            match.put("live_vs_reference", Comparison.verdict(v.liveVsReference().strategies().get(s)));
            match.put("replay_vs_reference", Comparison.verdict(v.replayVsReference().strategies().get(s)));
        }
        ObjectNode total = books.putObject(PnlSnapshot.TOTAL);
        for (RunSummary r : runs(v)) {
            total.set(r.run(), figures(v, r, PnlSnapshot.TOTAL));
        }
        ObjectNode topics = root.putObject("topics");
        for (OutputTopic t : OutputTopic.values()) {
            ObjectNode topic = topics.putObject(t.suffix());
            for (RunSummary r : runs(v)) {
                ObjectNode o = topic.putObject(r.run());
                o.put("records", r.canonical().records(t));
                o.put("digest", r.canonical().digest(t));
            }
        }
        root.set("quarantined", quarantined(v));
        ObjectNode divergences = root.putObject("divergences");
        divergences.set("live_vs_replay", divergences(v, v.liveVsReplay(), v.live(), v.replay()));
        divergences.set("live_vs_reference", divergences(v, v.liveVsReference(), v.reference(), v.live()));
        divergences.set("replay_vs_reference", divergences(v, v.replayVsReference(), v.reference(), v.replay()));
        root.put("pnl_definition", PNL_DEFINITION);
        root.set("statistics_conventions", StatisticsJson.conventions(v.config()));
        root.set("provenance", provenance(v.provenance()));
        return root;
    }

    /** What the quarantine check compares, as {@code results_detailed.json} says under {@code quarantined.compares}. */
    public static final String QUARANTINE_COMPARES = "live vs replay: the ticks records each run quarantined (its .dlq"
            + " topic, read_committed) in canonical form: source topic, partition, offset, reason and the SHA-256 of"
            + " the record's bytes, ordered by source partition and offset; a difference fails pnl_match. The"
            + " reference engine reads the session's dataset file, which holds no bad records: it quarantines nothing"
            + " and is not part of this check; bad records contribute nothing to a run's outputs, which are compared"
            + " with the reference as usual";

    private static ObjectNode quarantined(Verification v) {
        Verification.Quarantined q = v.quarantined();
        ObjectNode o = NODES.objectNode();
        o.put("compares", QUARANTINE_COMPARES);
        ObjectNode live = o.putObject(v.live().run());
        live.put("records", q.live());
        live.put("digest", q.liveDigest());
        ObjectNode replay = o.putObject(v.replay().run());
        replay.put("records", q.replay());
        replay.put("digest", q.replayDigest());
        o.put("match", Comparison.verdict(q.match()));
        DeadLetters.Difference d = q.difference();
        if (d == null) {
            o.putNull("first_difference");
        } else {
            ObjectNode f = o.putObject("first_difference");
            f.put("index", d.index());
            f.put("topic", d.at().topic());
            f.put("partition", d.at().partition());
            f.put("offset", d.at().offset());
            f.put("differing_field", d.field());
            f.set(d.expectedRun(), deadLetter(d.expected()));
            f.set(d.actualRun(), deadLetter(d.actual()));
            f.put("description", d.describe());
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode deadLetter(DeadLetters.Entry e) {
        if (e == null) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        o.put("topic", e.topic());
        o.put("partition", e.partition());
        o.put("offset", e.offset());
        o.put("reason", e.reason());
        o.put("sha256", e.sha256());
        o.put("bytes", e.bytes());
        return o;
    }

    private static List<RunSummary> runs(Verification v) {
        return List.of(v.live(), v.replay(), v.reference());
    }

    private static ObjectNode figures(Verification v, RunSummary r, String book) {
        ObjectNode o = NODES.objectNode();
        boolean total = book.equals(PnlSnapshot.TOTAL);
        RunSummary scope = total ? r : r.only(StrategyId.fromCode(book));
        o.put("trades", scope.fills().size());
        o.put("fills", scope.fills().size());
        o.put("orders", scope.orders());
        o.put("rejects", scope.rejects());
        PnlSnapshot last = r.lastSamples().get(book);
        o.set("realized_pnl", money(last == null ? 0 : last.realizedPnl()));
        o.set("unrealized_pnl", money(last == null ? 0 : last.unrealizedPnl()));
        o.set("fees", money(last == null ? 0 : last.fees()));
        o.set("total_pnl", money(last == null ? 0 : last.totalPnl()));
        o.set("gross_exposure", money(last == null ? 0 : last.grossExposure()));
        PerformanceStats s = v.stats().get(r.run()).get(book);
        if (s != null) {
            o.set("statistics", StatisticsJson.of(s));
        }
        return o;
    }

    private static ArrayNode divergences(Verification v, Comparison c, RunSummary expected, RunSummary actual) {
        ArrayNode list = NODES.arrayNode();
        for (Divergence d : c.divergences()) {
            ObjectNode o = list.addObject();
            o.put("topic", d.topic().suffix());
            o.put("strategy", c.strategyOf(d));
            o.put("causal_key", CausalKey.ofLine(d.line()).canonical());
            o.put("seq", d.seq());
            o.put("index", d.index());
            ArrayNode fields = o.putArray("differing_fields");
            d.differingFields().forEach(fields::add);
            o.put("expected_run", c.expected());
            o.put("expected", d.expectedLine());
            o.put("actual_run", c.actual());
            o.put("actual", d.actualLine());
            ObjectNode chain = o.putObject("chain");
            chain.put("input_event", v.inputEvent().apply(d.seq()));
            chain.set(c.expected(), caused(expected, d.seq()));
            chain.set(c.actual(), caused(actual, d.seq()));
        }
        return list;
    }

    private static ObjectNode caused(RunSummary r, long seq) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<OutputTopic, List<String>> e : r.causedBy(seq).entrySet()) {
            ArrayNode lines = o.putArray(e.getKey().suffix());
            e.getValue().forEach(lines::add);
        }
        return o;
    }

    /** The book's last-sample total PnL in dollars, or 0 when it has no sample. */
    static BigDecimal pnlValue(RunSummary r, String book) {
        PnlSnapshot last = r.lastSamples().get(book);
        return dollars(last == null ? 0 : last.totalPnl());
    }

    private static com.fasterxml.jackson.databind.JsonNode pnl(RunSummary r, String book) {
        return NODES.numberNode(pnlValue(r, book));
    }

    private static com.fasterxml.jackson.databind.JsonNode money(long micros) {
        return NODES.numberNode(dollars(micros));
    }

    /** An exact decimal number of dollars for a fixed-point money value, without trailing zeros. */
    public static BigDecimal dollars(long money) {
        BigDecimal d = BigDecimal.valueOf(money, Money.DECIMALS).stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
    }

    /** Pretty-printed JSON text (two-space indent, numbers as plain decimals). */
    public static String text(ObjectNode document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render results JSON: " + e.getMessage(), e);
        }
    }

    /** Single-line JSON text, for the results topic. */
    public static String compact(ObjectNode document) {
        try {
            return new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render results JSON: " + e.getMessage(), e);
        }
    }
}
