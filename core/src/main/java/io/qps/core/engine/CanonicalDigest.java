package io.qps.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The SHA-256 digests of a canonical form fed one line at a time, so a form that never sits in memory gets the
 * digests {@link CanonicalForm} gives (this class owns their byte layout): topics in {@link OutputTopic} order, each
 * as its name and a newline, then each canonical line and a newline. Feed {@link #topic} for every topic in order,
 * each followed by its lines in causal-key order, then {@link #finish}.
 */
public final class CanonicalDigest {
    private static final OutputTopic[] TOPICS = OutputTopic.values();

    private final MessageDigest whole = sha256();
    private final boolean perTopic;
    private final Map<OutputTopic, String> topicDigests = new EnumMap<>(OutputTopic.class);
    private final Map<OutputTopic, Long> records = new EnumMap<>(OutputTopic.class);
    private MessageDigest topicDigest;
    private OutputTopic current;
    private long count;
    private String digest;

    /** @param perTopic whether to keep each topic's own digest too (a second hash of every line) */
    public CanonicalDigest(boolean perTopic) {
        this.perTopic = perTopic;
    }

    /** Starts the next topic; topics must come in {@link OutputTopic} order, none skipped. */
    public void topic(OutputTopic topic) {
        int expected = current == null ? 0 : current.ordinal() + 1;
        if (digest != null || topic.ordinal() != expected) {
            throw new IllegalStateException("topic " + topic.suffix() + " out of order: expected "
                    + (expected < TOPICS.length && digest == null ? TOPICS[expected].suffix() : "no more topics"));
        }
        closeTopic();
        current = topic;
        byte[] header = (topic.suffix() + "\n").getBytes(StandardCharsets.UTF_8);
        whole.update(header);
        if (perTopic) {
            topicDigest = sha256();
            topicDigest.update(header);
        }
    }

    /** The next line of the current topic (without its newline). */
    public void line(String line) {
        line(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The next line of the current topic as UTF-8 bytes (without its newline). */
    public void line(byte[] utf8) {
        if (current == null || digest != null) {
            throw new IllegalStateException("a line outside a topic");
        }
        whole.update(utf8);
        whole.update((byte) '\n');
        if (perTopic) {
            topicDigest.update(utf8);
            topicDigest.update((byte) '\n');
        }
        count++;
    }

    /** Ends the form; every topic must have been started. */
    public void finish() {
        if (digest != null) {
            return;
        }
        if (current != TOPICS[TOPICS.length - 1]) {
            throw new IllegalStateException("canonical form finished before topic "
                    + TOPICS[current == null ? 0 : current.ordinal() + 1].suffix());
        }
        closeTopic();
        digest = HexFormat.of().formatHex(whole.digest());
    }

    /** SHA-256 (hex) of the whole form (after {@link #finish}). */
    public String digest() {
        requireFinished();
        return digest;
    }

    /** SHA-256 (hex) of one topic (after {@link #finish}; only when kept per topic). */
    public String digest(OutputTopic topic) {
        requireFinished();
        if (!perTopic) {
            throw new IllegalStateException("per-topic digests were not kept");
        }
        return topicDigests.get(topic);
    }

    /** The number of lines of one topic (after {@link #finish}). */
    public long records(OutputTopic topic) {
        requireFinished();
        return records.get(topic);
    }

    private void closeTopic() {
        if (current != null) {
            records.put(current, count);
            if (perTopic) {
                topicDigests.put(current, HexFormat.of().formatHex(topicDigest.digest()));
            }
        }
        count = 0;
    }

    private void requireFinished() {
        if (digest == null) {
            throw new IllegalStateException("canonical digest read before finish()");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
