package io.qps.verify.canonical;

import io.qps.core.engine.OutputTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run's canonical form on disk: per topic, sorted spill files whose merge gives the topic's lines in causal-key
 * order. Each topic can be read any number of times; {@link #close} deletes the files.
 */
public final class SortedTopics implements AutoCloseable {
    private final Map<OutputTopic, List<Path>> files;

    SortedTopics(Map<OutputTopic, List<Path>> files) {
        this.files = files;
    }

    /** The topic's lines in causal-key order; the caller closes the iterator. */
    public MergedLines lines(OutputTopic topic) {
        return new MergedLines(topic.suffix(), files.get(topic));
    }

    /** The spill files, all topics. */
    public List<Path> files() {
        List<Path> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return all;
    }

    @Override
    public void close() {
        files.values().forEach(SpillFile::delete);
    }
}
