package io.qps.producer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerfFiguresTest {
    @Test
    void parsesTheLastSummaryOfProducerPerformance() {
        String out = "500000 records sent, 99990.0 records/sec (9.54 MB/sec), 120.1 ms avg latency, 300.0 ms max.\n"
                + "1000000 records sent, 181818.2 records/sec (17.34 MB/sec), 80.52 ms avg latency, 412.00 ms max"
                + " latency, 60 ms 50th, 200 ms 95th, 300 ms 99th, 400 ms 99.9th.\n";
        PerfFigures f = PerfFigures.parseProducerPerformance(out);
        assertThat(f).isEqualTo(new PerfFigures(1_000_000, 181_818.2, 17.34));
        assertThat(f.describe()).isEqualTo("1,000,000 records  181,818 records/s  17.34 MB/s");
    }

    @Test
    void saysWhenThereIsNoSummary() {
        assertThatThrownBy(() -> PerfFigures.parseProducerPerformance("oops\nbroken"))
                .hasMessage("no 'records sent' summary in ProducerPerformance output: broken");
    }
}
