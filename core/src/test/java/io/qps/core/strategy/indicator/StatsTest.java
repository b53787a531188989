package io.qps.core.strategy.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StatsTest {
    private static RingBuffer of(int capacity, double... values) {
        RingBuffer r = new RingBuffer(capacity);
        for (double v : values) {
            r.push(v);
        }
        return r;
    }

    @Test
    void ringBufferKeepsTheNewestValuesOldestFirst() {
        RingBuffer r = of(3, 1, 2, 3, 4, 5);
        assertThat(r.size()).isEqualTo(3);
        assertThat(new double[] {r.get(0), r.get(1), r.get(2)}).containsExactly(3, 4, 5);
        assertThat(r.last()).isEqualTo(5);
        assertThat(r.isFull()).isTrue();
    }

    @Test
    void meansAndExtremesOverTheWindow() {
        RingBuffer r = of(4, 9, 2, 7, 4, 1);
        // window is 2, 7, 4, 1
        assertThat(Stats.mean(r)).isEqualTo(3.5);
        assertThat(Stats.mean(r, 2)).isEqualTo(2.5);
        assertThat(Stats.max(r)).isEqualTo(7);
        assertThat(Stats.min(r)).isEqualTo(1);
    }

    @Test
    void olsMatchesTheHandComputedFit() {
        // x = 0,1,2,3 and y = 0,1,2,4: mean x 1.5, mean y 1.75, Sxy 6.5, Sxx 5 -> beta 1.3, alpha -0.2;
        // residuals 0.2, -0.1, -0.4, 0.3 -> SSE 0.30, std sqrt(0.075), z of the last 0.3 / sqrt(0.075)
        OlsFit fit = Stats.ols(of(4, 0, 1, 2, 4), of(4, 0, 1, 2, 3));
        assertThat(fit.beta()).isCloseTo(1.3, within(1e-12));
        assertThat(fit.alpha()).isCloseTo(-0.2, within(1e-12));
        assertThat(fit.lastResidual()).isCloseTo(0.3, within(1e-12));
        assertThat(fit.residualStd()).isCloseTo(StrictMath.sqrt(0.075), within(1e-12));
        assertThat(fit.zScore()).isCloseTo(1.0954451150103321, within(1e-12));
    }

    @Test
    void olsOfAnExactLineHasNoResidualAndNoVarianceMeansNoFit() {
        OlsFit line = Stats.ols(of(3, 1, 3, 5), of(3, 0, 1, 2));
        assertThat(line.beta()).isEqualTo(2.0);
        assertThat(line.alpha()).isEqualTo(1.0);
        assertThat(line.residualStd()).isEqualTo(0.0);
        assertThat(line.zScore()).isNaN();
        assertThat(Stats.ols(of(3, 1, 2, 3), of(3, 4, 4, 4)).beta()).isNaN();
    }

    @Test
    void equalWindowsWriteEqualBytesWhateverTheirLayout() throws IOException {
        RingBuffer wrapped = of(3, 8, 1, 2, 3);
        RingBuffer straight = of(3, 1, 2, 3);
        assertThat(bytes(wrapped)).isEqualTo(bytes(straight)).hasSize(4 + 3 * 8);
        RingBuffer restored = new RingBuffer(3);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes(wrapped))));
        restored.push(4);
        wrapped.push(4);
        assertThat(bytes(restored)).isEqualTo(bytes(wrapped));
        assertThat(Stats.mean(restored)).isEqualTo(3.0);
    }

    private static byte[] bytes(RingBuffer r) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        r.writeState(new DataOutputStream(buf));
        return buf.toByteArray();
    }
}
