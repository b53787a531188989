package io.qps.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.producer.session.SessionId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineFiguresTest {
    private static PipelineFigures figures() {
        return new PipelineFigures("b1", 3, 2, 1_000_000,
                new PipelineFigures.Consume(1_010_000, 2.02, 500_000, 600_000),
                new PipelineFigures.Trivial(1_010_000, 2_000_000_000L, 2_020_000_000L),
                new PipelineFigures.Replay("replay-1", 1_000_000, 4_000_000_000L, 9_000_000_000L),
                List.of(new PipelineFigures.TopicWrites("qps.b1.replay-1.internal-partials", 30_000, 20_000),
                        new PipelineFigures.TopicWrites("qps-b1-partition-state-changelog", 90_000, 30_000)),
                List.of(300_000L, 450_000L, 250_000L), 20_000,
                new PipelineFigures.Verify(1_000_000, 2_000_000_000L, 512L * 1024 * 1024, 800 * 1024, true), 100,
                List.of(LatencyStats.of(60, new long[] {3_000_000, 1_000_000, 2_000_000}, 5000, 120.4)),
                "1.00 2.00 3.00 (2 cpus)", List.of(new PipelineFigures.LiveVsReplay("b1-lr1", 11_500, 9_200)));
    }

    @Test
    void derivesTheRatiosFromTheMeasuredCounts() {
        PipelineFigures f = figures();
        assertThat(f.consumeRate()).isEqualTo(500_000);
        assertThat(f.drainRate()).isEqualTo(250_000);
        assertThat(f.drainOverConsume()).isEqualTo(0.5);
        assertThat(f.trivial().recordsPerSecond()).isEqualTo(500_000);
        assertThat(f.drainOverTrivial()).isEqualTo(0.5);
        assertThat(f.internalRecordsPerEvent()).isEqualTo(0.05);
        assertThat(f.internalOffsetsPerEvent()).isEqualTo(0.12);
        assertThat(f.busiestPartition()).isEqualTo(1);
        assertThat(f.busiestTaskShare()).isEqualTo(0.45);
        assertThat(f.singlePartitionShare()).isEqualTo(0.02);
        assertThat(f.verify().eventsPerSecond()).isEqualTo(500_000);
    }

    @Test
    void tableShowsEveryFigureOnItsOwnLine() {
        String table = figures().table();
        assertThat(table).contains("C  ConsumerPerformance", "500,000 records/s", "S  replay drain",
                "250,000 events/s", "replay-1: 4.0 s start to COMPLETE; 9.0 s with the reset", "S/C", "0.500",
                "T  trivial Streams app", "2.0 s start to close", "S/T",
                "internal records/event", "0.0500", "busiest task share", "45.0% (partition 1: 450,000 events",
                "single-partition share", "2.00%", "verifier", "peak heap 512 MiB, max RSS 800 MiB",
                "latency speed 60", "p50 2 ms  p99 3 ms  max 3 ms  (3 orders", "commit interval 100 ms",
                "load average", "1.00 2.00 3.00", "live vs replay", "live 11.5 s, replay 9.2 s: 1.25 (session b1-lr1");
    }

    @Test
    void jsonCarriesTheSameFigures() throws Exception {
        JsonNode json = new ObjectMapper().readTree(figures().json());
        assertThat(json.get("s_over_c").asDouble()).isEqualTo(0.5);
        assertThat(json.get("s_over_t").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/trivial/records_per_second").asDouble()).isEqualTo(500_000);
        assertThat(json.at("/consume/records_per_second").asDouble()).isEqualTo(500_000);
        assertThat(json.at("/replay/events_per_second").asDouble()).isEqualTo(250_000);
        assertThat(json.at("/internal/records_per_event").asDouble()).isEqualTo(0.05);
        assertThat(json.at("/internal/topics").size()).isEqualTo(2);
        assertThat(json.at("/tasks/busiest_task_share").asDouble()).isEqualTo(0.45);
        assertThat(json.at("/tasks/events_per_partition/1").asLong()).isEqualTo(450_000);
        assertThat(json.at("/verify/max_rss_kilobytes").asLong()).isEqualTo(800 * 1024);
        assertThat(json.at("/latency/0/p99_ms").asDouble()).isEqualTo(3.0);
        assertThat(json.get("commit_interval_ms").asLong()).isEqualTo(100);
        assertThat(json.at("/live_vs_replay/0/ratio").asDouble()).isEqualTo(1.25);
        assertThat(json.at("/live_vs_replay/0/live_seconds").asDouble()).isEqualTo(11.5);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = (100 - i) * 1_000_000L;
        }
        LatencyStats s = LatencyStats.of(1, hundred, 10, 1);
        assertThat(s.p50Millis()).isEqualTo(50);
        assertThat(s.p99Millis()).isEqualTo(99);
        assertThat(s.maxMillis()).isEqualTo(100);
        assertThat(LatencyStats.of(1, new long[0], 0, 1).orders()).isZero();
        PipelineFigures f = figures();
        PipelineFigures none = new PipelineFigures(f.session(), f.partitions(), f.threads(), f.events(), f.consume(),
                null, f.replay(), f.writes(), f.eventsPerPartition(), f.partialsRecords(), null, 100,
                List.of(LatencyStats.of(1, new long[0], 794, 119)), f.load(), List.of());
        assertThat(none.table()).contains("latency speed 1", "no order was caused by these events  (0 orders after 359 min of event time at full speed; 794"
                + " events in 119 s").doesNotContain("verifier");
        assertThat(LatencyStats.of(1, new long[] {7_000_000}, 1, 1).p99Millis()).isEqualTo(7);
    }

    @Test
    void parsesConsumerPerformanceSummary() {
        String out = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,"
                + " rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n"
                + "2026-11-30 00:50:01:123, 2026-11-30 00:50:06:123, 180.5000, 36.1000, 2500000, 500000.0000,"
                + " 1000, 4000, 45.1250, 625000.0000\n";
        PipelineFigures.Consume c = ConsumerPerformanceRun.parse(out, 2_500_000);
        assertThat(c.records()).isEqualTo(2_500_000);
        assertThat(c.recordsPerSecond()).isEqualTo(500_000);
        assertThat(c.seconds()).isCloseTo(5.0, within(1e-9));
        assertThat(c.fetchRecordsPerSecond()).isEqualTo(625_000);
        assertThatThrownBy(() -> ConsumerPerformanceRun.parse(out, 2_600_000)).hasMessageContaining("read 2500000");
        assertThatThrownBy(() -> ConsumerPerformanceRun.parse("WARNING: Exiting", 1))
                .hasMessageContaining("no summary line");
    }

    @Test
    void parsesTheVerifierProbeAndTimeOutput() {
        String out = "[main] INFO something\nqps-verifier-probe events=2442329 nanos=12500000000 peak_heap=987654321"
                + " passed=true\n\tCommand being timed: \"java ...\"\n\tMaximum resident set size (kbytes): 1234567\n";
        PipelineFigures.Verify v = VerifierProbe.parse(out, true);
        assertThat(v.events()).isEqualTo(2_442_329);
        assertThat(v.nanos()).isEqualTo(12_500_000_000L);
        assertThat(v.peakHeapBytes()).isEqualTo(987_654_321);
        assertThat(v.maxRssKilobytes()).isEqualTo(1_234_567);
        assertThat(v.passed()).isTrue();
        assertThat(VerifierProbe.parse(out, false).maxRssKilobytes()).isEqualTo(-1);
    }

    @Test
    void changelogsAreTheSessionsOwnNotThoseOfASessionExtendingItsId() {
        Set<String> topics = Set.of("qps-b1-partition-state-changelog", "qps-b1-portfolio-state-changelog",
                "qps-b1-lat1x-k2-partition-state-changelog", "qps-b10-partition-state-changelog",
                "qps.b1.ticks", "qps-b1-x-repartition");
        assertThat(PipelineBenchmark.changelogs(topics, SessionId.of("b1"), Set.of("b1", "b1-lat1x-k2", "b10")))
                .containsExactly("qps-b1-partition-state-changelog", "qps-b1-portfolio-state-changelog");
    }

    @Test
    void aRecreatedTopicCountsFromZero() {
        var id = org.apache.kafka.common.Uuid.randomUuid();
        var before = new TopicCounts.Ends(id, List.of(10L, 20L));
        assertThat(new TopicCounts.Ends(id, List.of(15L, 30L)).since(before)).isEqualTo(15);
        assertThat(new TopicCounts.Ends(org.apache.kafka.common.Uuid.randomUuid(), List.of(4L, 5L)).since(before))
                .isEqualTo(9);
        assertThat(new TopicCounts.Ends(id, List.of(4L, 5L)).since(null)).isEqualTo(9);
    }
}
