package io.qps.stream.processor;

import io.qps.stream.codec.ExecMessage;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Names the exec repartition topic for the cross task's output. The exec topic is created by the DSL's
 * {@code repartition} on the router's branch; the cross task is its second writer, and the DSL has no way to
 * give one repartition topic two writers in different sub-topologies without fusing them. Both internal topics
 * are named {@code <application.id>-<name>-repartition}, so the exec topic's name is derived from the cross task's
 * own input topic (the market repartition topic).
 */
public final class ExecTopicExtractor implements TopicNameExtractor<String, ExecMessage> {
    private final String inputSuffix;
    private final String outputSuffix;

    /**
     * @param marketTopicSuffix the market topic's name after the application id, e.g. {@code -market-repartition}
     * @param execTopicSuffix the exec topic's name after the application id, e.g. {@code -exec-repartition}
     */
    public ExecTopicExtractor(String marketTopicSuffix, String execTopicSuffix) {
        this.inputSuffix = marketTopicSuffix;
        this.outputSuffix = execTopicSuffix;
    }

    @Override
    public String extract(String key, ExecMessage value, RecordContext context) {
        String topic = context.topic();
        if (topic == null || !topic.endsWith(inputSuffix)) {
            throw new IllegalStateException("exec record for seq " + value.seq() + " produced from topic " + topic
                    + ", expected a topic ending in " + inputSuffix);
        }
        return topic.substring(0, topic.length() - inputSuffix.length()) + outputSuffix;
    }
}
