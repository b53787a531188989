package io.qps.runner;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The internal topics a topology makes under an application id: {@code <application.id>-<name>-repartition} for each
 * repartition topic and {@code <application.id>-<store>-changelog} for each logged store. The reset before a replay
 * names exactly these, because Kafka's reset tool would otherwise take every topic whose name starts with
 * {@code <application.id>-}, which includes the internal topics of a session whose id merely starts with this one's
 * followed by a dash.
 */
final class InternalTopics {
    private InternalTopics() {
    }

    /** Every internal topic name of {@code topology} under {@code applicationId}, sorted. */
    static Set<String> of(Topology topology, String applicationId) {
        Set<String> names = new TreeSet<>();
        for (TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
            for (TopologyDescription.Node n : s.nodes()) {
                if (n instanceof TopologyDescription.Processor p) {
                    p.stores().forEach(store -> names.add(applicationId + "-" + store + "-changelog"));
                } else if (n instanceof TopologyDescription.Source src && src.topicSet() != null) {
                    src.topicSet().stream().filter(t -> t.endsWith("-repartition"))
                            .forEach(t -> names.add(applicationId + "-" + t));
                } else if (n instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && sink.topic().endsWith("-repartition")) {
                    names.add(applicationId + "-" + sink.topic());
                }
            }
        }
        return names;
    }
}
