package io.qps.producer.consume;

import io.qps.core.market.ProgressMarker;
import io.qps.schemas.mapping.MarketEventMapping;
import java.util.Arrays;
import java.util.Locale;

/**
 * The progress-marker half of {@link TicksCheck}: per partition, START first, END last, markers' seq and time never
 * decreasing, and each marker consistent with the events around it (an event before it has a seq and time no greater
 * than its own; an event after it a greater seq and no earlier time). START's time must be the dataset's first event
 * time, END's seq and time its last event's. Each method returns null when the record is fine, else why not.
 */
final class MarkerChecks {
    private static final String REPUBLISH = " (a topic published before progress markers existed, or an interrupted"
            + " publish: publish the session again with --force)";

    private final long firstMicros;
    private final long[] markerSeq;
    private final long[] markerMicros;
    private final long[] markerOffset;
    private final ProgressMarker.Kind[] lastKind;
    private final long[] eventSeq;
    private final long[] eventMicros;
    private long markers;

    /**
     * @param partitions the topic's partition count
     * @param firstMicros the dataset's first event time (START's time)
     */
    MarkerChecks(int partitions, long firstMicros) {
        this.firstMicros = firstMicros;
        this.markerSeq = new long[partitions];
        this.markerMicros = new long[partitions];
        this.markerOffset = new long[partitions];
        this.lastKind = new ProgressMarker.Kind[partitions];
        this.eventSeq = new long[partitions];
        this.eventMicros = new long[partitions];
        Arrays.fill(markerMicros, Long.MIN_VALUE);
        Arrays.fill(eventMicros, Long.MIN_VALUE);
    }

    /** Markers accepted so far. */
    long markers() {
        return markers;
    }

    /** An event of partition {@code r.partition()}, in offset order. */
    String event(TickRecord r, long seq, long micros) {
        int p = r.partition();
        String where = String.format(Locale.ROOT, "partition %d offset %d: event seq %d", p, r.offset(), seq);
        if (lastKind[p] == null) {
            return where + " comes before the partition's START marker" + REPUBLISH;
        }
        if (lastKind[p] == ProgressMarker.Kind.END) {
            return where + " comes after the partition's END marker (offset " + markerOffset[p] + ")";
        }
        if (seq <= markerSeq[p]) {
            return String.format(Locale.ROOT, "%s comes after the %s marker of seq %d (offset %d), which says every"
                    + " event up to seq %d was already published", where, lastKind[p], markerSeq[p], markerOffset[p],
                    markerSeq[p]);
        }
        if (micros < markerMicros[p]) {
            return String.format(Locale.ROOT, "%s at %d µs comes after the %s marker (offset %d) at %d µs: time goes"
                    + " back", where, micros, lastKind[p], markerOffset[p], markerMicros[p]);
        }
        eventSeq[p] = seq;
        eventMicros[p] = micros;
        return null;
    }

    /** A marker of partition {@code r.partition()}, in offset order. */
    String marker(TickRecord r) {
        int p = r.partition();
        ProgressMarker m = r.progress();
        String where = String.format(Locale.ROOT, "partition %d offset %d: %s marker (seq %d)", p, r.offset(),
                m.kind(), m.seq());
        String shape = shape(r, m, where);
        if (shape != null) {
            return shape;
        }
        if (lastKind[p] == ProgressMarker.Kind.END) {
            return where + " comes after the partition's END marker (offset " + markerOffset[p] + ")";
        }
        if ((m.kind() == ProgressMarker.Kind.START) != (lastKind[p] == null)) {
            return lastKind[p] == null ? where + " is the partition's first record, not START" + REPUBLISH
                    : where + ": a second START (the first at offset " + markerOffset[p] + ")";
        }
        if (m.kind() == ProgressMarker.Kind.START && m.timestampMicros() != firstMicros) {
            return where + " has time " + m.timestampMicros() + " µs, not the first event's " + firstMicros;
        }
        if (m.seq() < markerSeq[p] || m.timestampMicros() < markerMicros[p]) {
            return String.format(Locale.ROOT, "%s at %d µs goes back from the %s marker of seq %d at %d µs (offset"
                    + " %d)", where, m.timestampMicros(), lastKind[p], markerSeq[p], markerMicros[p], markerOffset[p]);
        }
        if (m.seq() < eventSeq[p] || m.timestampMicros() < eventMicros[p]) {
            return String.format(Locale.ROOT, "%s at %d µs comes after event seq %d at %d µs: a marker carries the"
                    + " last seq published and its time, never less than an event before it", where,
                    m.timestampMicros(), eventSeq[p], eventMicros[p]);
        }
        markerSeq[p] = m.seq();
        markerMicros[p] = m.timestampMicros();
        markerOffset[p] = r.offset();
        lastKind[p] = m.kind();
        markers++;
        return null;
    }

    /** After the whole topic: every partition ended with END at the dataset's last seq and time. */
    String finish(long lastSeq, long lastMicros) {
        for (int p = 0; p < lastKind.length; p++) {
            if (lastKind[p] != ProgressMarker.Kind.END) {
                return String.format(Locale.ROOT, "partition %d: its last record is not an END marker%s", p,
                        REPUBLISH);
            }
            if (markerSeq[p] != lastSeq || markerMicros[p] != lastMicros) {
                return String.format(Locale.ROOT, "partition %d offset %d: END marker (seq %d at %d µs) is not the"
                        + " dataset's last event (seq %d at %d µs)", p, markerOffset[p], markerSeq[p], markerMicros[p],
                        lastSeq, lastMicros);
            }
        }
        return null;
    }

    private static String shape(TickRecord r, ProgressMarker m, String where) {
        if (MarketEventMapping.partitionOf(r.value()) != r.partition()) {
            return where + " says it was written to partition " + MarketEventMapping.partitionOf(r.value());
        }
        if (r.key() != null) {
            return where + " has key '" + r.key() + "', expected none";
        }
        if (r.value().getInstrument() != MarketEventMapping.NO_INSTRUMENT || !r.value().getSymbol().isEmpty()) {
            return where + " names instrument " + r.value().getInstrument() + " '" + r.value().getSymbol()
                    + "', expected -1 and ''";
        }
        if (r.timestampMillis() != Math.floorDiv(m.timestampMicros(), 1000L)) {
            return where + " has record timestamp " + r.timestampMillis() + " ms, expected "
                    + Math.floorDiv(m.timestampMicros(), 1000L) + " (its time)";
        }
        return null;
    }
}
