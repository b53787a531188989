package io.qps.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.qps.embedded.KafkaFixture;
import io.qps.registry.storage.KafkaSchemaStore;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.OrderEvent;
import io.qps.schemas.Position;
import io.qps.schemas.registry.RegisteredSchema;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The embedded registry on a real broker: schemas kept in the compacted topic survive a registry restart. */
class RegistryRestartIT {

    @Test
    void idsConfigAndEncodedDataSurviveARestart() throws Exception {
        try (KafkaFixture kafka = KafkaFixture.start()) {
            byte[] encoded;
            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", 0)) {
                SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
                assertThat(client.register("demo1.ticks-value", MarketEvent.getClassSchema())).isEqualTo(1);
                assertThat(client.register("demo1.live.orders-value", OrderEvent.getClassSchema())).isEqualTo(2);
                assertThat(client.setCompatibility("demo1.live.orders-value", "NONE")).isEqualTo("NONE");
                try (AvroSerde<MarketEvent> serde = new AvroSerde<>(MarketEvent.class, client, true)) {
                    encoded = serde.serializer().serialize("demo1.ticks", AvroSerdeRoundTripTest.BOOK);
                }
            }

            try (EmbeddedSchemaRegistry restarted = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), "127.0.0.1", 0)) {
                SchemaRegistryClient fresh = new SchemaRegistryClient(restarted.url());
                assertThat(fresh.getById(1)).isEqualTo(MarketEvent.getClassSchema());
                assertThat(fresh.getById(2)).isEqualTo(OrderEvent.getClassSchema());
                assertThat(fresh.subjects()).containsExactly("demo1.live.orders-value", "demo1.ticks-value");
                assertThat(fresh.getLatest("demo1.ticks-value"))
                        .isEqualTo(new RegisteredSchema("demo1.ticks-value", 1, 1, MarketEvent.getClassSchema()));
                assertThat(fresh.register("demo1.ticks-value", MarketEvent.getClassSchema())).isEqualTo(1);
                assertThat(fresh.register("demo1.live.orders-value", Position.getClassSchema()))
                        .as("NONE survived the restart, and the next id is max + 1").isEqualTo(3);
                try (AvroSerde<MarketEvent> serde = new AvroSerde<>(MarketEvent.class, fresh, false)) {
                    assertThat(serde.deserializer().deserialize("demo1.ticks", encoded))
                            .isEqualTo(AvroSerdeRoundTripTest.BOOK);
                }
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, KafkaSchemaStore.DEFAULT_TOPIC);
                Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
                assertThat(admin.describeTopics(List.of(KafkaSchemaStore.DEFAULT_TOPIC)).allTopicNames().get()
                        .get(KafkaSchemaStore.DEFAULT_TOPIC).partitions()).hasSize(1);
            }
        }
    }
}
