package io.qps.verify.canonical;

import io.qps.core.engine.OutputTopic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts one run's output lines by causal key, topic by topic, in bounded memory: lines are buffered until
 * {@code chunkLines} of them (all topics together) are held, then each topic's buffer is sorted and written to its
 * own spill file. {@link #finish} leaves at most {@code FAN_IN} files per topic (merging groups of them into
 * larger files when there are more), so reading a topic back opens a bounded number of files. Memory: one chunk of
 * lines, or {@code FAN_IN} read buffers while merging.
 */
public final class ExternalSort implements AutoCloseable {
    /** Lines held in memory before a spill: about 25 MB of typical canonical lines. */
    public static final int DEFAULT_CHUNK_LINES = 100_000;
    /** The most files merged at once. */
    static final int FAN_IN = 64;

    private final Path dir;
    private final String name;
    private final int chunkLines;
    private final int fanIn;
    private final Map<OutputTopic, List<KeyedLine>> buffer = new EnumMap<>(OutputTopic.class);
    private final Map<OutputTopic, List<Path>> files = new EnumMap<>(OutputTopic.class);
    private int buffered;
    private int written;
    private boolean finished;

    /**
     * @param dir the folder for spill files (the caller creates and removes it)
     * @param name a file-name prefix unique within {@code dir}, e.g. the run id
     * @param chunkLines lines held in memory before spilling, at least 1
     */
    public ExternalSort(Path dir, String name, int chunkLines) {
        this(dir, name, chunkLines, FAN_IN);
    }

    ExternalSort(Path dir, String name, int chunkLines, int fanIn) {
        if (chunkLines < 1 || fanIn < 2) {
            throw new IllegalArgumentException("chunkLines must be >= 1 and fanIn >= 2, were " + chunkLines + ", "
                    + fanIn);
        }
        this.fanIn = fanIn;
        this.dir = dir;
        this.name = name;
        this.chunkLines = chunkLines;
        for (OutputTopic t : OutputTopic.values()) {
            buffer.put(t, new ArrayList<>());
            files.put(t, new ArrayList<>());
        }
    }

    /** Adds one line of {@code topic}, in any order. */
    public void add(OutputTopic topic, KeyedLine line) {
        if (finished) {
            throw new IllegalStateException("line added after finish()");
        }
        buffer.get(topic).add(line);
        if (++buffered >= chunkLines) {
            spill();
        }
    }

    /** Spills what is left and hands the sorted files over; closing this sort no longer deletes them. */
    public SortedTopics finish() {
        spill();
        for (OutputTopic t : OutputTopic.values()) {
            List<Path> topicFiles = files.get(t);
            while (topicFiles.size() > fanIn) {
                List<Path> group = new ArrayList<>(topicFiles.subList(0, fanIn));
                Path merged = next(t);
                try (MergedLines lines = new MergedLines(t.suffix(), group)) {
                    SpillFile.write(merged, lines);
                }
                SpillFile.delete(group);
                topicFiles.subList(0, fanIn).clear();
                topicFiles.add(merged);
            }
        }
        finished = true;
        Map<OutputTopic, List<Path>> handed = new EnumMap<>(OutputTopic.class);
        files.forEach((t, list) -> handed.put(t, List.copyOf(list)));
        return new SortedTopics(handed);
    }

    /** Deletes the spill files unless {@link #finish} handed them over. */
    @Override
    public void close() {
        if (!finished) {
            files.values().forEach(SpillFile::delete);
        }
    }

    private void spill() {
        for (Map.Entry<OutputTopic, List<KeyedLine>> e : buffer.entrySet()) {
            List<KeyedLine> lines = e.getValue();
            if (!lines.isEmpty()) {
                lines.sort(null);
                Path file = next(e.getKey());
                files.get(e.getKey()).add(file);
                SpillFile.write(file, lines);
                lines.clear();
            }
        }
        buffered = 0;
    }

    private Path next(OutputTopic topic) {
        return dir.resolve(name + "-" + topic.suffix() + "-" + (written++) + ".spill");
    }
}
