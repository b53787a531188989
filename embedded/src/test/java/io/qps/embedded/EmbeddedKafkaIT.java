package io.qps.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The broker fixture on a real broker: a 6-partition topic, an idempotent producer, a transactional producer with
 * one committed and one aborted transaction, and a {@code read_committed} consumer that sees exactly the committed
 * records; then the broker is stopped and its process and port are gone.
 */
class EmbeddedKafkaIT {
    private static final String TOPIC = "fixture-it";

    @Test
    void brokerSupportsIdempotenceTransactionsAndReadCommittedThenStopsCleanly() throws Exception {
        BrokerState state;
        KafkaFixture fixture = KafkaFixture.start();
        try {
            String bootstrap = fixture.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
                TopicDescription description = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
                assertThat(description.partitions()).hasSize(6);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap, null))) {
                for (int i = 0; i < 12; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, i % 6, "k" + i, "plain-" + i)).get();
                }
            }
            try (KafkaProducer<String, String> tx = new KafkaProducer<>(producerProps(bootstrap, "fixture-it-tx"))) {
                tx.initTransactions();
                tx.beginTransaction();
                for (int i = 0; i < 6; i++) {
                    tx.send(new ProducerRecord<>(TOPIC, i, "t" + i, "committed-" + i));
                }
                tx.commitTransaction();
                tx.beginTransaction();
                for (int i = 0; i < 6; i++) {
                    tx.send(new ProducerRecord<>(TOPIC, i, "a" + i, "aborted-" + i));
                }
                tx.flush();
                tx.abortTransaction();
            }
            Map<Integer, List<String>> byPartition = consumeAll(bootstrap, 18);
            assertThat(byPartition.get(0)).containsExactly("plain-0", "plain-6", "committed-0");
            assertThat(byPartition.get(5)).containsExactly("plain-5", "plain-11", "committed-5");
            assertThat(byPartition.values().stream().mapToInt(List::size).sum()).isEqualTo(18);
            state = fixture.embeddedState().orElse(null);
        } finally {
            fixture.close();
        }
        if (fixture.mode() == KafkaFixture.Mode.EMBEDDED) {
            assertThat(state).isNotNull();
            assertThat(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Ports.isFree(state.port())).isTrue();
            assertThat(Ports.isFree(state.controllerPort())).isTrue();
        }
    }

    @Test
    void theSharedFixtureIsOnePerJvmAndSurvivesClose() {
        KafkaFixture shared = KafkaFixture.shared();
        shared.close();
        assertThat(KafkaFixture.shared()).isSameAs(shared);
        assertThat(KafkaProbe.probe(shared.bootstrapServers(), Duration.ofSeconds(5)).up()).isTrue();
    }

    private static Properties producerProps(String bootstrap, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return p;
    }

    private static Map<Integer, List<String>> consumeAll(String bootstrap, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fixture-it-group");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        int count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            // Poll until the expected count has arrived, then once more to catch anything unexpected beyond it.
            for (int polls = 0; polls < 120; polls++) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : records) {
                    byPartition.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r.value());
                    count++;
                }
                if (count >= expected && records.isEmpty()) {
                    break;
                }
            }
        }
        return byPartition;
    }
}
