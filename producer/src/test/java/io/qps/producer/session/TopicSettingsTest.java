package io.qps.producer.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {
    @Test
    void explicitSettingsReachTheNewTopic() {
        NewTopic topic = TopicSettings.of(3, 2).newTopic("qps.s.ticks", 6, Map.of("retention.ms", "-1"));
        assertThat(topic.name()).isEqualTo("qps.s.ticks");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("retention.ms", "-1",
                "min.insync.replicas", "2"));
    }

    @Test
    void defaultsLeaveBothToTheBroker() {
        NewTopic topic = TopicSettings.DEFAULTS.newTopic("qps.sessions", 1, Map.of("cleanup.policy", "compact"));
        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(TopicSettings.DEFAULTS).hasToString("the broker's default replication");
        assertThat(TopicSettings.of(3, 2)).hasToString("replication 3, min.insync.replicas 2");
    }

    @Test
    void refusesImpossibleCombinationsInOneLine() {
        assertThatThrownBy(() -> TopicSettings.of(2, 3))
                .hasMessage("min.insync.replicas 3 exceeds replication.factor 2: no acks=all write could ever succeed");
        assertThatThrownBy(() -> new TopicSettings((short) -1, Optional.of(2)))
                .hasMessage("min.insync.replicas 2 needs an explicit replication.factor of at least 2");
        assertThatThrownBy(() -> TopicSettings.of(0, null)).hasMessage("replication.factor must be at least 1, was 0");
        assertThatThrownBy(() -> TopicSettings.of(3, 0)).hasMessage("min.insync.replicas must be at least 1, was 0");
    }
}
