package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    /** A clock that only moves when the pacer sleeps (or the test advances it). */
    private static final class FakeClock implements PacingClock {
        long now = 5_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void realTimeReleasesEachEventAtItsEventTimeOffset() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(new Speed(1), clock);
        long t0 = 1_704_067_200_000_000L;
        assertThat(pacer.await(t0)).isZero();
        assertThat(pacer.await(t0 + 250_000)).isEqualTo(250_000_000L);
        clock.now += 100_000_000L;
        assertThat(pacer.await(t0 + 1_000_000)).isEqualTo(650_000_000L);
        assertThat(clock.now).isEqualTo(5_000_000_000L + 1_000_000_000L);
        assertThat(clock.sleeps).containsExactly(250_000_000L, 650_000_000L);
    }

    @Test
    void thePacedClockShowsTheEventTimeDueNow() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(Speed.parse("60"), clock);
        assertThat(pacer.pacedMicros()).as("before the first event").isEqualTo(Long.MIN_VALUE);
        pacer.await(1_000_000L);
        clock.now += 250_000_000L;
        assertThat(pacer.pacedMicros()).as("a quarter wall second at 60x").isEqualTo(1_000_000L + 15_000_000L);
        assertThat(new Pacer(Speed.MAX, clock).pacedMicros()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aMultipleDividesEventTime() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(Speed.parse("60"), clock);
        pacer.await(0);
        assertThat(pacer.await(60_000_000L)).as("one event-minute at 60x is one wall second")
                .isEqualTo(1_000_000_000L);
        assertThat(pacer.await(3_600_000_000L)).isEqualTo(59_000_000_000L);
    }

    @Test
    void lateEventsAndTinyWaitsDoNotSleep() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(new Speed(1), clock);
        pacer.await(1_000_000);
        clock.now += 2_000_000_000L;
        assertThat(pacer.await(2_000_000)).as("behind schedule").isZero();
        assertThat(pacer.await(3_000_500)).as("0.5 ms ahead is under the 1 ms sleep threshold").isZero();
        assertThat(clock.sleeps).isEmpty();
        Pacer fresh = new Pacer(new Speed(1), clock);
        fresh.await(0);
        assertThat(fresh.await(999)).as("a wait under 1 ms is skipped").isZero();
        assertThat(fresh.await(1_500)).isEqualTo(1_500_000L);
    }

    @Test
    void maxNeverWaits() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(Speed.MAX, clock);
        assertThat(pacer.await(0)).isZero();
        assertThat(pacer.await(86_400_000_000L)).isZero();
        assertThat(clock.sleeps).isEmpty();
    }

    @Test
    void aWarmupGoesOutAtFullSpeedAndPacingStartsAtTheFirstEventAfterIt() throws InterruptedException {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(new Speed(1).withWarmup(3_600_000_000L), clock);
        long t0 = 1_704_067_200_000_000L;
        assertThat(pacer.await(t0)).isZero();
        assertThat(pacer.await(t0 + 1_800_000_000L)).as("half an hour into the warm-up").isZero();
        assertThat(pacer.await(t0 + 3_599_999_999L)).as("the last warm-up microsecond").isZero();
        assertThat(pacer.await(t0 + 3_600_000_000L)).as("the first paced event sets the origins").isZero();
        assertThat(pacer.await(t0 + 3_602_000_000L)).as("then real time").isEqualTo(2_000_000_000L);
        assertThat(clock.sleeps).containsExactly(2_000_000_000L);
        assertThat(new Speed(1).withWarmup(3_600_000_000L)).hasToString("1.0x after 3600 s at max");
        assertThatThrownBy(() -> new Speed(1, -1)).hasMessageContaining("warm-up");
    }
}
