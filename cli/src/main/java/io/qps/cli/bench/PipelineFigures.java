package io.qps.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything {@code qps bench pipeline} measured in one run, and the figures derived from it (DESIGN.md section 4).
 * Only arithmetic and formatting here: the measuring is in {@link PipelineBenchmark}.
 *
 * @param session the session replayed and verified
 * @param partitions partitions of its ticks topic
 * @param threads {@code num.stream.threads} of the replay and of the paced live runs
 * @param events input events of the session (its last seq)
 * @param consume Kafka's ConsumerPerformance on the ticks topic (events and progress markers)
 * @param trivial the trivial Kafka Streams application on the ticks topic, or null when skipped
 * @param replay the timed replay
 * @param writes records the replay wrote to internal and changelog topics, one entry per topic
 * @param eventsPerPartition input events of each ticks partition (end offset minus progress markers)
 * @param partialsRecords records of the replay run's internal-partials topic (read by the single portfolio task)
 * @param verify the verifier on the session, or null when skipped
 * @param commitIntervalMillis {@code commit.interval.ms} of the applications
 * @param latency one entry per paced live run; empty when skipped
 * @param load the machine's load averages when the benchmark started (1, 5, 15 minutes)
 * @param liveVsReplay live runs at full speed against their replays, each in a child JVM; empty when skipped
 */
public record PipelineFigures(String session, int partitions, int threads, long events, Consume consume,
                              Trivial trivial, Replay replay, List<TopicWrites> writes, List<Long> eventsPerPartition,
                              long partialsRecords, Verify verify, long commitIntervalMillis,
                              List<LatencyStats> latency, String load, List<LiveVsReplay> liveVsReplay) {
    /** Copies. */
    public PipelineFigures {
        writes = List.copyOf(writes);
        eventsPerPartition = List.copyOf(eventsPerPartition);
        latency = List.copyOf(latency);
        liveVsReplay = List.copyOf(liveVsReplay);
    }

    /**
     * {@code qps live --dataset} at full speed on a fresh session, then {@code qps replay} of it, each in a JVM of
     * its own: their run times (application start to COMPLETE).
     */
    public record LiveVsReplay(String session, long liveMillis, long replayMillis) {
        /** Live time over replay time. */
        public double ratio() {
            return liveMillis / (double) replayMillis;
        }
    }

    /**
     * ConsumerPerformance's summary line.
     *
     * @param records records consumed (events and progress markers)
     * @param seconds wall seconds from its start to its last record, group join included
     * @param recordsPerSecond its {@code nMsg.sec}: records over {@code seconds}
     * @param fetchRecordsPerSecond its {@code fetch.nMsg.sec}: records over the time after the group join
     */
    public record Consume(long records, double seconds, double recordsPerSecond, double fetchRecordsPerSecond) {
    }

    /**
     * T: the trivial Kafka Streams application (exactly_once_v2, one thread, commit 100 ms, one cached in-memory
     * store it puts every record into) draining the ticks topic.
     *
     * @param records records it processed (events and progress markers)
     * @param drainNanos from its start to its last record processed
     * @param closedNanos from its start to its clean close (the last commit)
     */
    public record Trivial(long records, long drainNanos, long closedNanos) {
        /** Records per second, from the start to the clean close: the same span as S. */
        public double recordsPerSecond() {
            return records / (closedNanos / 1e9);
        }
    }

    /**
     * The replay.
     *
     * @param run its run id
     * @param events events it released
     * @param runNanos from the application's start to its clean close (the run's COMPLETE)
     * @param totalNanos the whole {@code replay}: checks, StreamsResetter, state wipe, run
     */
    public record Replay(String run, long events, long runNanos, long totalNanos) {
    }

    /**
     * Records the replay wrote to one internal or changelog topic.
     *
     * @param topic the topic
     * @param offsetDelta the growth of its end offsets (a topic recreated by the reset counts from 0); under
     *     exactly-once this includes one transaction marker per partition per committed transaction
     * @param records the committed data records among them (read_committed)
     */
    public record TopicWrites(String topic, long offsetDelta, long records) {
    }

    /**
     * The verifier (live vs replay vs reference engine) run in a child JVM.
     *
     * @param events the session's events
     * @param nanos wall time of the verification, JVM start excluded
     * @param peakHeapBytes the sum of the heap pools' peak usage
     * @param maxRssKilobytes the child's maximum resident set size from {@code /usr/bin/time -v}, -1 if unknown
     * @param passed whether live = replay = reference
     */
    public record Verify(long events, long nanos, long peakHeapBytes, long maxRssKilobytes, boolean passed) {
        /** Verified events per second. */
        public double eventsPerSecond() {
            return events / (nanos / 1e9);
        }
    }

    /** C: records per second that ConsumerPerformance read from the ticks topic. */
    public double consumeRate() {
        return consume.recordsPerSecond();
    }

    /** S: events per second of the replay, from the application's start to COMPLETE. */
    public double drainRate() {
        return replay.events() / (replay.runNanos() / 1e9);
    }

    /** S over C. */
    public double drainOverConsume() {
        return drainRate() / consumeRate();
    }

    /** S over T, or NaN when T was skipped. */
    public double drainOverTrivial() {
        return trivial == null ? Double.NaN : drainRate() / trivial.recordsPerSecond();
    }

    /** Internal and changelog records (committed data records) written per input event. */
    public double internalRecordsPerEvent() {
        return writes.stream().mapToLong(TopicWrites::records).sum() / (double) events;
    }

    /** Internal and changelog end-offset growth per input event (transaction markers included). */
    public double internalOffsetsPerEvent() {
        return writes.stream().mapToLong(TopicWrites::offsetDelta).sum() / (double) events;
    }

    /** The ticks partition with the most events. */
    public int busiestPartition() {
        int best = 0;
        for (int p = 1; p < eventsPerPartition.size(); p++) {
            if (eventsPerPartition.get(p) > eventsPerPartition.get(best)) {
                best = p;
            }
        }
        return best;
    }

    /** Share of the input events processed by the busiest partition task. */
    public double busiestTaskShare() {
        return eventsPerPartition.isEmpty() ? 0 : eventsPerPartition.get(busiestPartition()) / (double) events;
    }

    /** Records read by single-partition tasks (the portfolio task's internal-partials) per input event. */
    public double singlePartitionShare() {
        return partialsRecords / (double) events;
    }

    /** The compact table printed at the end. */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("session", String.format(Locale.ROOT, "%s: %,d events, %d partitions, %d threads", session,
                events, partitions, threads)));
        rows.add(row("C  ConsumerPerformance", String.format(Locale.ROOT, "%,.0f records/s (%,d records in %.1f s;"
                + " %,.0f/s after group join)", consumeRate(), consume.records(), consume.seconds(),
                consume.fetchRecordsPerSecond())));
        if (trivial != null) {
            rows.add(row("T  trivial Streams app", String.format(Locale.ROOT, "%,.0f records/s (%,d records in %.1f s"
                    + " start to close; exactly_once_v2, 1 thread, commit 100 ms, one cached store)",
                    trivial.recordsPerSecond(), trivial.records(), trivial.closedNanos() / 1e9)));
            rows.add(row("T/C", String.format(Locale.ROOT, "%.3f", trivial.recordsPerSecond() / consumeRate())));
        }
        rows.add(row("S  replay drain", String.format(Locale.ROOT, "%,.0f events/s (%s: %.1f s start to COMPLETE;"
                + " %.1f s with the reset)", drainRate(), replay.run(), replay.runNanos() / 1e9,
                replay.totalNanos() / 1e9)));
        rows.add(row("S/C", String.format(Locale.ROOT, "%.3f", drainOverConsume())));
        if (trivial != null) {
            rows.add(row("S/T", String.format(Locale.ROOT, "%.3f", drainOverTrivial())));
        }
        rows.add(row("internal records/event", String.format(Locale.ROOT, "%.4f (%,d records; end offsets %.4f/event,"
                + " transaction markers included)", internalRecordsPerEvent(),
                writes.stream().mapToLong(TopicWrites::records).sum(), internalOffsetsPerEvent())));
        for (TopicWrites w : writes) {
            rows.add(row("  " + w.topic(), String.format(Locale.ROOT, "%,d records (%,d offsets)", w.records(),
                    w.offsetDelta())));
        }
        rows.add(row("busiest task share", String.format(Locale.ROOT, "%.1f%% (partition %d: %,d events; per"
                + " partition %s)", 100 * busiestTaskShare(), busiestPartition(),
                eventsPerPartition.isEmpty() ? 0 : eventsPerPartition.get(busiestPartition()), eventsPerPartition)));
        rows.add(row("single-partition share", String.format(Locale.ROOT, "%.2f%% (%,d internal-partials records)",
                100 * singlePartitionShare(), partialsRecords)));
        if (verify != null) {
            rows.add(row("verifier", String.format(Locale.ROOT, "%,.0f events/s (%.1f s), peak heap %.0f MiB,"
                    + " max RSS %s, %s", verify.eventsPerSecond(), verify.nanos() / 1e9,
                    verify.peakHeapBytes() / 1048576.0, verify.maxRssKilobytes() < 0 ? "unknown"
                            : String.format(Locale.ROOT, "%.0f MiB", verify.maxRssKilobytes() / 1024.0),
                    verify.passed() ? "live = replay = reference" : "VERIFICATION FAILED")));
        }
        for (LatencyStats l : latency) {
            String figures = l.orders() == 0 ? "no order was caused by these events"
                    : String.format(Locale.ROOT, "p50 %.0f ms  p99 %.0f ms  max %.0f ms", l.p50Millis(), l.p99Millis(),
                            l.maxMillis());
            rows.add(row(String.format(Locale.ROOT, "latency speed %s", speed(l.speed())), String.format(Locale.ROOT,
                    "%s  (%,d orders after %d min of event time at full speed; %,d events in %.0f s; commit interval %d"
                    + " ms)", figures, l.orders(), PipelineBenchmark.LATENCY_WARMUP.toMinutes(), l.events(),
                    l.wallSeconds(), commitIntervalMillis)));
        }
        for (LiveVsReplay r : liveVsReplay) {
            rows.add(row("live vs replay", String.format(Locale.ROOT, "live %.1f s, replay %.1f s: %.2f (session %s,"
                    + " each in its own JVM)", r.liveMillis() / 1e3, r.replayMillis() / 1e3, r.ratio(), r.session())));
        }
        rows.add(row("load average", load));
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", r[0], r[1]));
        }
        return b.toString().stripTrailing();
    }

    /** The figures as a JSON document (rates per second, times in seconds or milliseconds as named). */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("session", session).put("partitions", partitions).put("threads", threads).put("events", events)
                .put("load_average", load).put("commit_interval_ms", commitIntervalMillis);
        root.putObject("consume").put("tool", "org.apache.kafka.tools.ConsumerPerformance (in-process)")
                .put("records", consume.records()).put("seconds", consume.seconds())
                .put("records_per_second", consume.recordsPerSecond())
                .put("fetch_records_per_second", consume.fetchRecordsPerSecond());
        if (trivial != null) {
            root.putObject("trivial").put("what", "Kafka Streams, exactly_once_v2, 1 thread, commit 100 ms, one cached"
                    + " in-memory store per key").put("records", trivial.records())
                    .put("seconds", trivial.closedNanos() / 1e9).put("drain_seconds", trivial.drainNanos() / 1e9)
                    .put("records_per_second", trivial.recordsPerSecond());
            root.put("s_over_t", drainOverTrivial());
        }
        root.putObject("replay").put("run", replay.run()).put("events", replay.events())
                .put("seconds", replay.runNanos() / 1e9).put("seconds_with_reset", replay.totalNanos() / 1e9)
                .put("events_per_second", drainRate());
        root.put("s_over_c", drainOverConsume());
        ObjectNode internal = root.putObject("internal");
        internal.put("records_per_event", internalRecordsPerEvent()).put("offsets_per_event", internalOffsetsPerEvent());
        ArrayNode topics = internal.putArray("topics");
        writes.forEach(w -> topics.addObject().put("topic", w.topic()).put("records", w.records())
                .put("offset_delta", w.offsetDelta()));
        ObjectNode tasks = root.putObject("tasks");
        tasks.put("busiest_partition", busiestPartition()).put("busiest_task_share", busiestTaskShare())
                .put("single_partition_share", singlePartitionShare()).put("partials_records", partialsRecords);
        ArrayNode per = tasks.putArray("events_per_partition");
        eventsPerPartition.forEach(per::add);
        if (verify != null) {
            root.putObject("verify").put("events", verify.events()).put("seconds", verify.nanos() / 1e9)
                    .put("events_per_second", verify.eventsPerSecond()).put("peak_heap_bytes", verify.peakHeapBytes())
                    .put("max_rss_kilobytes", verify.maxRssKilobytes()).put("passed", verify.passed());
        }
        ArrayNode lat = root.putArray("latency");
        latency.forEach(l -> lat.addObject().put("speed", l.speed()).put("orders", l.orders())
                .put("p50_ms", l.p50Millis()).put("p99_ms", l.p99Millis()).put("max_ms", l.maxMillis())
                .put("events", l.events()).put("wall_seconds", l.wallSeconds()));
        ArrayNode pairs = root.putArray("live_vs_replay");
        liveVsReplay.forEach(r -> pairs.addObject().put("session", r.session())
                .put("live_seconds", r.liveMillis() / 1e3).put("replay_seconds", r.replayMillis() / 1e3)
                .put("ratio", r.ratio()));
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figures as JSON", e);
        }
    }

    static String speed(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }
}
