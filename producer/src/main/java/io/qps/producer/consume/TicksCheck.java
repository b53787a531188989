package io.qps.producer.consume;

import io.qps.core.data.DatasetReader;
import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketEvent;
import io.qps.schemas.mapping.MarketEventMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Checks, in one streaming pass and bounded memory, that a ticks topic holds exactly a dataset: the same events
 * (every field equal, each {@code seq} exactly once, nothing extra), {@code seq} strictly increasing within every
 * partition, each record keyed by its instrument's symbol and stamped with its event time in milliseconds; and that
 * the progress markers between them are well placed ({@link MarkerChecks}: START first and END last in every
 * partition, consistent with the events around them). Markers are checked where they stand and take no part in the
 * event merge.
 *
 * <p>It merges the partitions back into {@code seq} order: records wait in a per-partition queue until the dataset
 * reaches their {@code seq}. Since each partition must be in {@code seq} order, the next expected event can only be
 * at the head of some queue, or in a partition whose queue is empty and whose end is not yet read; when neither
 * holds, it is missing. A reader pauses partitions whose queue reaches {@link #QUEUE_LIMIT} (see
 * {@link #isFull(int)}); the partition that must deliver next never is, so the merge cannot stall.
 */
public final class TicksCheck {
    /** Records buffered per partition before the reader should pause it. */
    public static final int QUEUE_LIMIT = 20_000;

    private final Iterator<MarketEvent> dataset;
    private final long datasetCount;
    private final List<String> symbols;
    private final long[] endOffsets;
    private final long[] nextOffset;
    private final long[] lastSeq;
    private final List<ArrayDeque<TickRecord>> queues;
    private final MarkerChecks markers;
    private MarketEvent expected;
    private long matched;
    private long lastMatchedMicros;
    private Verdict failure;

    /**
     * @param dataset the dataset's events in {@code seq} order
     * @param datasetCount how many there are
     * @param symbols instrument symbols by id
     * @param endOffsets the topic's end offset per partition (records to expect, events and markers, from offset 0)
     */
    public TicksCheck(Iterator<MarketEvent> dataset, long datasetCount, List<String> symbols, long[] endOffsets) {
        this.dataset = dataset;
        this.datasetCount = datasetCount;
        this.symbols = List.copyOf(symbols);
        this.endOffsets = endOffsets.clone();
        this.nextOffset = new long[endOffsets.length];
        this.lastSeq = new long[endOffsets.length];
        List<ArrayDeque<TickRecord>> qs = new ArrayList<>(endOffsets.length);
        for (int p = 0; p < endOffsets.length; p++) {
            qs.add(new ArrayDeque<>());
        }
        this.queues = List.copyOf(qs);
        this.expected = dataset.hasNext() ? dataset.next() : null;
        this.markers = new MarkerChecks(endOffsets.length, expected == null ? 0 : expected.timestampMicros());
    }

    /**
     * Reads the whole topic through {@code reader} and checks it against the dataset file (verified on open).
     *
     * @param reader a reader positioned at the topic's beginning
     * @param dataset the dataset file
     * @param maxIdle give up when the topic delivers nothing for this long although records are expected
     * @return the verdict
     */
    public static Verdict run(TicksReader reader, Path dataset, Duration maxIdle) {
        try (DatasetReader data = DatasetReader.open(dataset)) {
            List<String> symbols = data.header().instruments().stream().map(Instrument::symbol).toList();
            TicksCheck check = new TicksCheck(data, data.trailer().eventCount(), symbols, reader.endOffsets());
            boolean[] paused = new boolean[reader.partitions()];
            reader.read(r -> {
                boolean go = check.accept(r);
                int p = r.partition();
                if (check.isFull(p) != paused[p]) {
                    paused[p] = !paused[p];
                    if (paused[p]) {
                        reader.pause(List.of(p));
                    } else {
                        reader.resume(List.of(p));
                    }
                }
                for (int q = 0; q < paused.length; q++) {
                    if (paused[q] && !check.isFull(q)) {
                        paused[q] = false;
                        reader.resume(List.of(q));
                    }
                }
                return go;
            }, maxIdle);
            return check.finish();
        }
    }

    /**
     * Takes the next record of a partition (records of one partition in offset order), event or marker.
     *
     * @return false once the verdict is FAIL (reading can stop)
     */
    public boolean accept(TickRecord r) {
        if (failure != null) {
            return false;
        }
        int p = r.partition();
        long seq = r.value().getSeq();
        if (r.offset() != nextOffset[p]) {
            return fail(String.format(Locale.ROOT, "partition %d: offset %d follows offset %d (a gap or a record"
                    + " below the log start)", p, r.offset(), nextOffset[p] - 1));
        }
        nextOffset[p] = r.offset() + 1;
        String wrong = r.isProgress() ? markers.marker(r) : markers.event(r, seq, r.value().getTimestampMicros());
        if (wrong != null) {
            return fail(wrong);
        }
        if (r.isProgress()) {
            drain();
            return failure == null;
        }
        if (seq <= lastSeq[p]) {
            return fail(String.format(Locale.ROOT, "partition %d offset %d: seq %d after seq %d (not strictly"
                    + " increasing)", p, r.offset(), seq, lastSeq[p]));
        }
        lastSeq[p] = seq;
        queues.get(p).addLast(r);
        drain();
        return failure == null;
    }

    /** Whether partition {@code p}'s queue is at its limit (the reader should pause it until it is not). */
    public boolean isFull(int p) {
        return queues.get(p).size() >= QUEUE_LIMIT;
    }

    /** The verdict once every record up to the end offsets was accepted (or reading stopped at a failure). */
    public Verdict finish() {
        if (failure != null) {
            return failure;
        }
        drain();
        if (failure != null) {
            return failure;
        }
        for (int p = 0; p < queues.size(); p++) {
            if (nextOffset[p] < endOffsets[p]) {
                return Verdict.fail(String.format(Locale.ROOT, "partition %d: read up to offset %d of %d", p,
                        nextOffset[p], endOffsets[p]));
            }
        }
        if (expected != null) {
            return Verdict.fail(String.format(Locale.ROOT, "seq %d (%s) is missing from the topic; %,d of %,d"
                    + " events matched", expected.seq(), symbols.get(expected.instrument()), matched, datasetCount));
        }
        for (ArrayDeque<TickRecord> q : queues) {
            if (!q.isEmpty()) {
                TickRecord r = q.peekFirst();
                long seq = r.value().getSeq();
                return Verdict.fail(seq >= 1 && seq <= datasetCount
                        ? String.format(Locale.ROOT, "partition %d offset %d: seq %d appears more than once",
                                r.partition(), r.offset(), seq)
                        : String.format(Locale.ROOT, "partition %d offset %d: seq %d is not in the dataset of %,d"
                                + " events", r.partition(), r.offset(), seq, datasetCount));
            }
        }
        String wrong = markers.finish(datasetCount, lastMatchedMicros);
        if (wrong != null) {
            return Verdict.fail(wrong);
        }
        return Verdict.pass(String.format(Locale.ROOT, "the topic holds exactly the %,d events of the dataset in %d"
                + " partitions: every field equal, each seq once, seq strictly increasing within every partition;"
                + " and %,d progress markers, START first and END last in every partition, each consistent with the"
                + " events around it", matched, queues.size(), markers.markers()));
    }

    private void drain() {
        while (expected != null && failure == null) {
            int from = -1;
            boolean couldArrive = false;
            for (int p = 0; p < queues.size(); p++) {
                TickRecord head = queues.get(p).peekFirst();
                if (head == null) {
                    couldArrive |= nextOffset[p] < endOffsets[p];
                } else if (head.value().getSeq() == expected.seq()) {
                    from = p;
                    break;
                } else if (head.value().getSeq() < expected.seq()) {
                    fail(String.format(Locale.ROOT, "partition %d offset %d: seq %d appears more than once",
                            p, head.offset(), head.value().getSeq()));
                    return;
                }
            }
            if (from < 0) {
                if (!couldArrive) {
                    fail(String.format(Locale.ROOT, "seq %d (%s) is missing from the topic", expected.seq(),
                            symbols.get(expected.instrument())));
                }
                return;
            }
            compare(queues.get(from).pollFirst(), expected);
            matched++;
            lastMatchedMicros = expected.timestampMicros();
            expected = dataset.hasNext() ? dataset.next() : null;
        }
    }

    private void compare(TickRecord r, MarketEvent want) {
        String symbol = symbols.get(want.instrument());
        MarketEvent got = MarketEventMapping.toCore(r.value());
        String where = String.format(Locale.ROOT, "partition %d offset %d (seq %d): ", r.partition(), r.offset(),
                want.seq());
        if (!got.equals(want)) {
            fail(where + "the topic has " + got + " but the dataset has " + want);
        } else if (!symbol.equals(r.key()) || !symbol.equals(r.value().getSymbol())) {
            fail(where + "key '" + r.key() + "' / symbol '" + r.value().getSymbol() + "', expected '" + symbol + "'");
        } else if (r.timestampMillis() != Math.floorDiv(want.timestampMicros(), 1000L)) {
            fail(where + "record timestamp " + r.timestampMillis() + " ms, expected "
                    + Math.floorDiv(want.timestampMicros(), 1000L) + " (event time)");
        }
    }

    private boolean fail(String why) {
        if (failure == null) {
            failure = Verdict.fail(why);
        }
        return false;
    }
}
