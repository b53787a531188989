package io.qps.verify;

import io.qps.producer.session.TopicNames;
import io.qps.producer.session.TopicSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The results topic ({@code qps.results}): one compacted partition, key = session id (UTF-8 string), value = the
 * session's {@code results.json} document as single-line UTF-8 JSON, so {@code kafka-console-consumer} and
 * {@code kcat} show it as it is. The latest record of a session is its current verdict.
 */
public final class ResultsTopic {
    private final Map<String, Object> kafka;
    private final TopicSettings topics;
    private final Duration timeout;

    /** @param kafkaProperties client properties ({@code bootstrap.servers} and any security settings) */
    public ResultsTopic(Map<String, Object> kafkaProperties, Duration timeout) {
        this(kafkaProperties, TopicSettings.DEFAULTS, timeout);
    }

    /**
     * @param kafkaProperties client properties ({@code bootstrap.servers} and any security settings)
     * @param topics replication of the topic, should this create it
     */
    public ResultsTopic(Map<String, Object> kafkaProperties, TopicSettings topics, Duration timeout) {
        this.kafka = Map.copyOf(kafkaProperties);
        this.topics = topics;
        this.timeout = timeout;
    }

    /** Writes {@code json} as the session's latest result (creating the topic if it does not exist). */
    public void publish(String session, String json) {
        ensureTopic();
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(TopicNames.RESULTS, session, json)).get(timeout.toMillis() * 2,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new VerifyException("could not write the result of session " + session + " to "
                    + TopicNames.RESULTS + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new VerifyException("writing the result of session " + session + " to " + TopicNames.RESULTS
                    + " took longer than " + timeout.multipliedBy(2).toSeconds() + " s: is the broker up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifyException("interrupted while writing to " + TopicNames.RESULTS);
        }
    }

    /** The latest result of every session (by session id), or an empty map when the topic does not exist. */
    public Map<String, String> latest() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, String> latest = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            var infos = consumer.listTopics(timeout).get(TopicNames.RESULTS);
            if (infos == null) {
                return latest;
            }
            for (var info : infos) {
                TopicPartition tp = new TopicPartition(TopicNames.RESULTS, info.partition());
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (consumer.position(tp, timeout) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new VerifyException("reading " + TopicNames.RESULTS + " took longer than "
                                + timeout.toSeconds() + " s");
                    }
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.key() != null && r.value() != null) {
                            latest.put(r.key(), r.value());
                        }
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new VerifyException("could not read " + TopicNames.RESULTS + " within " + timeout.toSeconds()
                    + " s: is the broker up? (" + e.getMessage() + ")");
        }
        return latest;
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(kafka)) {
            Set<String> names = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (names.contains(TopicNames.RESULTS)) {
                return;
            }
            NewTopic topic = topics.newTopic(TopicNames.RESULTS, 1,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new VerifyException("could not create " + TopicNames.RESULTS + ": " + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            throw new VerifyException("the broker did not answer within " + timeout.toSeconds()
                    + " s while creating " + TopicNames.RESULTS + ": is it up?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifyException("interrupted while creating " + TopicNames.RESULTS);
        }
    }

}
