package io.qps.stream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Four sub-topologies, each reading exactly one topic, with the stores and sinks the design names. */
class QpsTopologyShapeTest {
    private static final RunTopics OUT = new RunTopics("s.live.orders", "s.live.fills", "s.live.positions",
            "s.live.pnl");
    private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "http://127.0.0.1:9");

    @Test
    void everySubTopologyReadsOneTopic() {
        TopologyDescription d = QpsTopology.build(TopologySpec.gated("s.ticks", 6, "live", OUT, Universe.standard(),
                EngineConfig.defaults(), SERDE, new int[10])).describe();
        List<String> shape = new ArrayList<>();
        for (TopologyDescription.Subtopology sub : d.subtopologies()) {
            TreeSet<String> sources = new TreeSet<>();
            TreeSet<String> stores = new TreeSet<>();
            TreeSet<String> sinks = new TreeSet<>();
            for (TopologyDescription.Node n : sub.nodes()) {
                if (n instanceof TopologyDescription.Source s) {
                    sources.addAll(s.topicSet());
                } else if (n instanceof TopologyDescription.Processor p) {
                    stores.addAll(p.stores());
                } else if (n instanceof TopologyDescription.Sink k) {
                    sinks.add(k.topic() == null ? "<dynamic>" : k.topic());
                }
            }
            shape.add(sources + " " + stores + " -> " + sinks);
        }
        assertThat(shape).containsExactly(
                "[s.live.internal-summaries, s.ticks] [partition-state] -> [s.live.dlq, s.live.fills,"
                        + " s.live.internal-partials, s.live.internal-summaries, s.live.orders, s.live.positions]",
                "[s.live.internal-partials] [portfolio-state] -> [s.live.pnl]");
        assertThat(d.globalStores()).isEmpty();
    }

    @Test
    void releasedSeqIsMinusOneBeforeTheApplicationRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.util.Properties props = new java.util.Properties();
        props.put(org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "qps-shape");
        props.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        try (var streams = new org.apache.kafka.streams.KafkaStreams(QpsTopology.build(TopologySpec.gated("s.ticks",
                1, "live", OUT, Universe.standard(), EngineConfig.defaults(), SERDE, new int[10])), props)) {
            assertThat(QpsTopology.releasedSeq(streams)).isEqualTo(-1L);
        }
        assertThat(QpsTopology.PORTFOLIO_STORE).isEqualTo("portfolio-state");
    }

    @Test
    void theSpecRejectsWhatCannotRun() {
        assertThatThrownBy(() -> TopologySpec.gated("t", 0, "live", OUT, Universe.standard(), EngineConfig.defaults(),
                SERDE, new int[10])).hasMessage("partitions must be >= 1, was 0");
        assertThatThrownBy(() -> new TopologySpec("t", 1, "live", OUT, Universe.standard(), EngineConfig.defaults(),
                SERDE, null, new int[10], BadRecordPolicy.QUARANTINE)).hasMessage("mergeMode");
        assertThat(TopologySpec.gated("t", 1, "live", OUT, Universe.standard(), EngineConfig.defaults(), SERDE, new int[10])
                .mergeMode()).isEqualTo(MergeMode.GATED);
    }
}
