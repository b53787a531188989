package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.core.market.ProgressMarker;
import io.qps.schemas.mapping.MarketEventMapping;
import io.qps.schemas.wire.ConfluentWireFormat;
import java.util.List;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Rounds of progress markers: one record per partition, and when PROGRESS rounds fall due. */
class ProgressMarkersTest {
    private static final SpecificDatumReader<io.qps.schemas.MarketEvent> READER =
            new SpecificDatumReader<>(io.qps.schemas.MarketEvent.class);

    /** A clock the test moves by hand. */
    private static final class FakeClock implements PacingClock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += Math.max(0, nanos);
        }
    }

    private static ProgressMarkers markers(MarkerPolicy policy, boolean timed, FakeClock clock) {
        return new ProgressMarkers(policy, timed, clock, "qps.s.ticks", 3, EncodingPipeline.directMarkers(7));
    }

    private static ProgressMarker decode(ProducerRecord<byte[], byte[]> r) {
        io.qps.schemas.MarketEvent e = ConfluentWireFormat.decode(r.value(), READER, r.topic(), 0);
        assertThat(MarketEventMapping.partitionOf(e)).as("the partition field").isEqualTo(r.partition());
        return MarketEventMapping.toProgress(e);
    }

    @Test
    void aRoundIsOneKeylessRecordPerPartitionStampedWithTheMarkersTime() {
        ProgressMarkers m = markers(MarkerPolicy.DEFAULTS, false, new FakeClock());
        List<ProducerRecord<byte[], byte[]>> start = m.start(1_704_067_200_000_999L);
        assertThat(start).extracting(ProducerRecord::partition).containsExactly(0, 1, 2);
        assertThat(start).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo("qps.s.ticks");
            assertThat(r.key()).isNull();
            assertThat(r.timestamp()).isEqualTo(1_704_067_200_000L);
            assertThat(decode(r)).isEqualTo(new ProgressMarker(ProgressMarker.Kind.START, 0, 1_704_067_200_000_999L));
        });
        m.sent(1, 1_704_067_200_000_999L);
        m.sent(2, 1_704_067_200_005_000L);
        assertThat(m.end()).extracting(ProgressMarkersTest::decode)
                .containsOnly(new ProgressMarker(ProgressMarker.Kind.END, 2, 1_704_067_200_005_000L));
        assertThat(m.rounds()).isEqualTo(2);
    }

    @Test
    void progressFallsDueByEventCount() {
        ProgressMarkers m = markers(new MarkerPolicy(3, 10), false, new FakeClock());
        m.start(100);
        StringBuilder due = new StringBuilder();
        for (long seq = 1; seq <= 7; seq++) {
            m.sent(seq, 100 + seq);
            if (m.progressDue()) {
                due.append(seq).append(' ');
                assertThat(m.progress()).extracting(ProgressMarkersTest::decode)
                        .containsOnly(new ProgressMarker(ProgressMarker.Kind.PROGRESS, seq, 100 + seq));
            }
        }
        assertThat(due.toString()).isEqualTo("3 6 ");
        assertThat(m.nanosUntilDue()).as("not timed at max speed").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void pacedProgressFallsDueByWallTimeOnlyAfterAnEvent() {
        FakeClock clock = new FakeClock();
        ProgressMarkers m = markers(new MarkerPolicy(4096, 10), true, clock);
        m.start(100);
        clock.now += 50_000_000L;
        assertThat(m.progressDue()).as("no event since the last round").isFalse();
        assertThat(m.nanosUntilDue()).isEqualTo(Long.MAX_VALUE);
        m.sent(1, 100);
        assertThat(m.progressDue()).as("10 ms passed and an event was sent").isTrue();
        m.progress();
        m.sent(2, 200);
        clock.now += 4_000_000L;
        assertThat(m.progressDue()).isFalse();
        assertThat(m.nanosUntilDue()).isEqualTo(6_000_000L);
        clock.now += 6_000_000L;
        assertThat(m.nanosUntilDue()).isZero();
    }

    /**
     * Paced, while waiting for the next event: a clock round at each whole second the paced clock reaches, carrying
     * the last seq and a time after the last event's and before the next's; later rounds never go back in time.
     */
    @Test
    void clockRoundsCarryThePacedClocksWholeSecondBeforeTheNextEvent() {
        long s = MarkerPolicy.CLOCK_MICROS;
        ProgressMarkers m = markers(new MarkerPolicy(4096, 10), true, new FakeClock());
        m.start(100 * s);
        assertThat(m.nextClockTick(200 * s)).as("before the first event").isEqualTo(Long.MAX_VALUE);
        m.sent(1, 100 * s + 300_000);
        assertThat(m.nextClockTick(101 * s)).as("the next event is at the next second").isEqualTo(Long.MAX_VALUE);
        assertThat(m.nextClockTick(103 * s + 5)).isEqualTo(101 * s);
        assertThat(m.clock(101 * s + 400_000, 103 * s + 5)).extracting(ProgressMarkersTest::decode)
                .containsOnly(new ProgressMarker(ProgressMarker.Kind.PROGRESS, 1, 101 * s));
        assertThat(m.nextClockTick(103 * s + 5)).isEqualTo(102 * s);
        assertThat(m.clock(109 * s, 103 * s + 5)).as("a late round: the last whole second before the event")
                .extracting(ProgressMarkersTest::decode)
                .containsOnly(new ProgressMarker(ProgressMarker.Kind.PROGRESS, 1, 103 * s));
        assertThat(m.nextClockTick(103 * s + 5)).isEqualTo(Long.MAX_VALUE);
        m.sent(2, 103 * s + 5);
        assertThat(m.progress()).extracting(ProgressMarkersTest::decode)
                .containsOnly(new ProgressMarker(ProgressMarker.Kind.PROGRESS, 2, 103 * s + 5));
        assertThat(markers(MarkerPolicy.DEFAULTS, false, new FakeClock()).nextClockTick(Long.MAX_VALUE))
                .as("not paced").isEqualTo(Long.MAX_VALUE);
    }
}
