package io.qps.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    @Test
    void lineShowsCountPercentRateAndEta() {
        assertThat(ProgressPrinter.line(1_200_000, 2_400_000, 3_000_000_000L))
                .isEqualTo("1,200,000/2,400,000 events (50.0%)  400,000 ev/s  ETA 0:03");
        assertThat(ProgressPrinter.line(0, 10, 0)).isEqualTo("0/10 events (0.0%)  0 ev/s  ETA ?");
        assertThat(ProgressPrinter.duration(3_725)).isEqualTo("1:02:05");
        assertThat(ProgressPrinter.duration(59)).isEqualTo("0:59");
    }

    @Test
    void plainOutputPrintsALineEveryFiveSecondsAndAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.update(10, 100, 1_000_000_000L);
        p.update(50, 100, 5_000_000_000L);
        p.update(60, 100, 6_000_000_000L);
        p.update(99, 100, 10_000_000_000L);
        p.finish(100, 100, 10_000_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "50/100 events (50.0%)  10 ev/s  ETA 0:05",
                "99/100 events (99.0%)  10 ev/s  ETA 0:01",
                "100/100 events (100.0%)  10 ev/s  ETA 0:00");
    }

    @Test
    void terminalOutputRewritesOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.update(1, 4, 100_000_000L);
        p.update(2, 4, 300_000_000L);
        p.finish(4, 4, 400_000_000L);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r2/4 events (50.0%)  7 ev/s  ETA 0:01   \r4/4 events (100.0%)  10 ev/s  ETA 0:00   \n");
    }
}
