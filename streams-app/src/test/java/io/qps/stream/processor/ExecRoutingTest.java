package io.qps.stream.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.stream.codec.ExecMessage;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.RecordContext;
import org.junit.jupiter.api.Test;

class ExecRoutingTest {
    @Test
    void partitionerSendsARecordToExactlyThePartitionItCarries() {
        ExecPartitioner p = new ExecPartitioner();
        assertThat(p.partitions("x", "ES", new ExecMessage.Marker(5, 9), 6)).isEqualTo(Optional.of(Set.of(5)));
        assertThatThrownBy(() -> p.partitions("x", "ES", new ExecMessage.Marker(6, 9), 6))
                .hasMessage("exec record for seq 9 (key ES) is bound to partition 6 but x has 6 partitions");
    }

    @Test
    void extractorDerivesTheExecTopicFromTheMarketTopic() {
        ExecTopicExtractor e = new ExecTopicExtractor("-market-repartition", "-exec-repartition");
        assertThat(e.extract("ES", new ExecMessage.Marker(0, 1), context("qps-demo1-live-market-repartition")))
                .isEqualTo("qps-demo1-live-exec-repartition");
        assertThatThrownBy(() -> e.extract("ES", new ExecMessage.Marker(0, 1), context("other")))
                .hasMessage("exec record for seq 1 produced from topic other, expected a topic ending in "
                        + "-market-repartition");
    }

    private static RecordContext context(String topic) {
        return new RecordContext() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return 0;
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public byte[] sourceRawKey() {
                return null;
            }

            @Override
            public byte[] sourceRawValue() {
                return null;
            }
        };
    }
}
