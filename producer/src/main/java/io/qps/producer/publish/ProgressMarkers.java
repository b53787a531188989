package io.qps.producer.publish;

import io.qps.core.market.ProgressMarker;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The publisher's progress markers: when a round is due and the records of a round, one marker per partition of the
 * ticks topic (key null, value the marker's {@code MarketEvent} with that partition, record timestamp the marker's
 * time in milliseconds, floor).
 *
 * <p>The publisher sends a round through the same producer as the events and only after sending every event the
 * marker covers, so in each partition a marker follows every event with {@code seq <= marker.seq()} and precedes
 * every later one (the idempotent producer keeps each partition in send order). Rounds: {@code START} (seq 0, the
 * first event's time) before the first event; {@code PROGRESS} (the last seq sent, its time) after every
 * {@link MarkerPolicy#everyEvents()} events and, when {@code timed}, once {@link MarkerPolicy#everyMillis()} of wall
 * time has passed since the last round and an event was sent since; {@code END} (the last seq, its time) after the
 * last event.
 *
 * <p>When {@code timed}, there are also <b>clock rounds</b>: while the paced publisher waits for its next event, a
 * {@code PROGRESS} round (the last seq sent) at each whole {@link MarkerPolicy#CLOCK_MICROS} of event time the paced
 * clock reaches before that event's time. Its time is later than the last event's but earlier than the next one's,
 * so it keeps the marker's promise (every later event of the partition is at or after it) and lets a quiet partition
 * cross a boundary when the paced clock reaches it, instead of when the next event arrives.
 */
final class ProgressMarkers {
    /** A marker's record value for one partition. */
    interface Encoder {
        byte[] encode(ProgressMarker marker, int partition);
    }

    private final MarkerPolicy policy;
    private final boolean timed;
    private final PacingClock clock;
    private final String topic;
    private final int partitions;
    private final Encoder encoder;
    private long lastSeq;
    private long lastMicros;
    /** The greatest time in a round or an event sent so far: markers' times never go back. */
    private long watermark = Long.MIN_VALUE;
    private long sinceRound;
    private long roundNanos;
    private long rounds;

    /**
     * @param policy how often
     * @param timed whether wall time also triggers rounds (publishing paced)
     * @param clock the publisher's clock
     * @param topic the ticks topic
     * @param partitions its partition count
     * @param encoder the record value of a marker for a partition
     */
    ProgressMarkers(MarkerPolicy policy, boolean timed, PacingClock clock, String topic, int partitions,
                    Encoder encoder) {
        this.policy = policy;
        this.timed = timed;
        this.clock = clock;
        this.topic = topic;
        this.partitions = partitions;
        this.encoder = encoder;
    }

    /** The START round, before the first event, whose time is {@code firstMicros}. */
    List<ProducerRecord<byte[], byte[]>> start(long firstMicros) {
        watermark = firstMicros;
        return round(new ProgressMarker(ProgressMarker.Kind.START, 0, firstMicros));
    }

    /** Notes that the event {@code seq} at {@code micros} was sent. */
    void sent(long seq, long micros) {
        lastSeq = seq;
        lastMicros = micros;
        watermark = Math.max(watermark, micros);
        sinceRound++;
    }

    /**
     * While the publisher waits for the event at {@code nextMicros}: the event time of the next clock round, the
     * first whole {@link MarkerPolicy#CLOCK_MICROS} after every time sent so far, if it is before {@code nextMicros};
     * else {@link Long#MAX_VALUE} (also when not timed or before the first event).
     */
    long nextClockTick(long nextMicros) {
        if (!timed || lastSeq == 0) {
            return Long.MAX_VALUE;
        }
        long tick = Math.multiplyExact(Math.floorDiv(watermark, MarkerPolicy.CLOCK_MICROS) + 1,
                MarkerPolicy.CLOCK_MICROS);
        return tick < nextMicros ? tick : Long.MAX_VALUE;
    }

    /**
     * The clock round once the paced clock shows {@code pacedMicros} (at or past {@link #nextClockTick}) while the
     * event at {@code nextMicros} waits: the last seq sent, at the latest whole {@link MarkerPolicy#CLOCK_MICROS} at
     * or before the clock and before the next event.
     */
    List<ProducerRecord<byte[], byte[]>> clock(long pacedMicros, long nextMicros) {
        long first = nextClockTick(nextMicros);
        if (first == Long.MAX_VALUE) {
            throw new IllegalStateException("no clock round is due before the event at " + nextMicros + " µs");
        }
        long latest = Math.multiplyExact(Math.floorDiv(Math.min(pacedMicros, nextMicros - 1),
                MarkerPolicy.CLOCK_MICROS), MarkerPolicy.CLOCK_MICROS);
        watermark = Math.max(first, latest);
        return round(new ProgressMarker(ProgressMarker.Kind.PROGRESS, lastSeq, watermark));
    }

    /** Whether a PROGRESS round is due now: enough events since the last round, or (timed) enough wall time. */
    boolean progressDue() {
        return sinceRound >= policy.everyEvents() || nanosUntilDue() == 0;
    }

    /**
     * Wall nanoseconds until a timed PROGRESS round is due (0: now); {@link Long#MAX_VALUE} when not timed or no
     * event was sent since the last round. The publisher sleeps no longer than this while pacing.
     */
    long nanosUntilDue() {
        if (!timed || sinceRound == 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, roundNanos + policy.everyMillis() * 1_000_000L - clock.nanoTime());
    }

    /** The PROGRESS round of the last event sent (at its time, or a clock round's if that is later). */
    List<ProducerRecord<byte[], byte[]>> progress() {
        return round(new ProgressMarker(ProgressMarker.Kind.PROGRESS, lastSeq, watermark));
    }

    /** The END round, after the last event. */
    List<ProducerRecord<byte[], byte[]>> end() {
        return round(new ProgressMarker(ProgressMarker.Kind.END, lastSeq, lastMicros));
    }

    /** Rounds made so far. */
    long rounds() {
        return rounds;
    }

    private List<ProducerRecord<byte[], byte[]>> round(ProgressMarker marker) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(partitions);
        long millis = Math.floorDiv(marker.timestampMicros(), 1000L);
        for (int p = 0; p < partitions; p++) {
            records.add(new ProducerRecord<>(topic, p, millis, null, encoder.encode(marker, p)));
        }
        sinceRound = 0;
        roundNanos = clock.nanoTime();
        rounds++;
        return records;
    }
}
