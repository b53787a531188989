package io.qps.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void firstValuesMatchTheReferenceSplitMix64() {
        // The reference C implementation (Vigna, splitmix64.c) from state 0.
        SplitMix64 r = new SplitMix64(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void derivedDrawsAreGolden() {
        SplitMix64 g = new SplitMix64(42);
        assertThat(g.nextDouble()).isEqualTo(0.7415648787718233);
        assertThat(g.nextDouble()).isEqualTo(0.1599103928769201);
        assertThat(g.nextGaussian()).isEqualTo(-0.4508498757188601);
        assertThat(g.nextGaussian()).isEqualTo(0.6707164409024291);
        assertThat(g.nextGaussian()).isEqualTo(0.1883526341159315);
        assertThat(g.nextInt(10)).isEqualTo(2);
        assertThat(g.nextExponential(2.0)).isEqualTo(3.2252045947817263);
    }

    @Test
    void splitIsDeterministicPerStreamIdAndDoesNotAdvanceTheParent() {
        SplitMix64 p = new SplitMix64(42);
        assertThat(p.split(1).nextLong()).isEqualTo(0x33AA906D7B87BF0EL);
        assertThat(p.split(2).nextLong()).isEqualTo(0x4FA440DF8BF4AB55L);
        assertThat(p.split(1).nextLong()).isEqualTo(0x33AA906D7B87BF0EL);
        assertThat(p.nextLong()).isEqualTo(new SplitMix64(42).nextLong());
    }

    @Test
    void childStreamsAreUncorrelated() {
        SplitMix64 root = new SplitMix64(7);
        SplitMix64 a = root.split(100);
        SplitMix64 b = root.split(101);
        int n = 200_000;
        double sab = 0;
        for (int i = 0; i < n; i++) {
            sab += a.nextGaussian() * b.nextGaussian();
        }
        assertThat(Math.abs(sab / n)).isLessThan(0.01);
    }

    @Test
    void uniformAndGaussianMomentsAreRight() {
        SplitMix64 r = new SplitMix64(123);
        int n = 400_000;
        double su = 0;
        double sg = 0;
        double sgg = 0;
        double min = 1;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            min = Math.min(min, u);
            max = Math.max(max, u);
            su += u;
            double g = r.nextGaussian();
            sg += g;
            sgg += g * g;
        }
        assertThat(min).isGreaterThanOrEqualTo(0.0);
        assertThat(max).isLessThan(1.0);
        assertThat(su / n).isBetween(0.498, 0.502);
        assertThat(sg / n).isBetween(-0.005, 0.005);
        assertThat(sgg / n).isBetween(0.99, 1.01);
    }

    @Test
    void nextIntStaysInRangeAndRejectsBadBounds() {
        SplitMix64 r = new SplitMix64(5);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) {
            counts[r.nextInt(3)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_600, 10_400);
        }
        assertThatThrownBy(() -> r.nextInt(0)).hasMessage("bound must be positive, was 0");
    }
}
