package io.qps.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One run's dead-letter topic ({@code qps.<session>.<run>.dlq}) in canonical form: every quarantined ticks record as
 * its source coordinates (the {@code qps.dlq.topic}, {@code qps.dlq.partition}, {@code qps.dlq.offset} headers), its
 * reason ({@code qps.dlq.reason}) and the SHA-256 and length of its bytes, ordered by source topic, partition and
 * offset. Arrival order in the topic (tasks of several partitions write to it concurrently) does not matter.
 *
 * <p>The records are held in memory, so their number is capped ({@link #DEFAULT_CAP}; a record costs about 200
 * bytes): a run that quarantined more is refused with a reason rather than read without bound. Live and replay
 * decide from the same log, so they must quarantine the same records: {@link #firstDifference} compares two runs'
 * forms record by record.
 */
public final class DeadLetters {
    /** The most quarantined records read per run (about 20 MB). */
    public static final int DEFAULT_CAP = 100_000;
    /** The digest of an empty dead-letter topic. */
    public static final String EMPTY_DIGEST = new DeadLetters("", List.of()).digest();

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::topic)
            .thenComparingInt(Entry::partition).thenComparingLong(Entry::offset)
            .thenComparing(Entry::reason).thenComparing(Entry::sha256);

    private final String run;
    private final List<Entry> entries;
    private final String digest;

    private DeadLetters(String run, List<Entry> sorted) {
        this.run = run;
        this.entries = List.copyOf(sorted);
        MessageDigest sha = newSha256();
        for (Entry e : entries) {
            sha.update((e.line() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        this.digest = HexFormat.of().formatHex(sha.digest());
    }

    /**
     * One quarantined record in canonical form.
     *
     * @param topic the ticks topic it was read from
     * @param partition its source partition
     * @param offset its source offset
     * @param reason why it was set aside
     * @param sha256 the SHA-256 of its bytes, hex
     * @param bytes the length of its bytes
     */
    public record Entry(String topic, int partition, long offset, String reason, String sha256, int bytes) {
        public Entry {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** An entry for {@code value} (null counts as no bytes). */
        public static Entry of(String topic, int partition, long offset, String reason, byte[] value) {
            byte[] v = value == null ? new byte[0] : value;
            String sha = HexFormat.of().formatHex(newSha256().digest(v));
            return new Entry(topic, partition, offset, reason, sha, v.length);
        }

        /** The canonical line: what the digest hashes. */
        public String line() {
            return topic + "|" + partition + "|" + offset + "|" + reason + "|sha256=" + sha256 + "|bytes=" + bytes;
        }

        /** The first field in which {@code other} differs from this entry, or null when none does. */
        String differingField(Entry other) {
            if (!topic.equals(other.topic)) {
                return "topic";
            }
            if (partition != other.partition) {
                return "partition";
            }
            if (offset != other.offset) {
                return "offset";
            }
            if (!reason.equals(other.reason)) {
                return "reason";
            }
            return sha256.equals(other.sha256) && bytes == other.bytes ? null : "value";
        }
    }

    /**
     * The first place two runs' dead-letter topics differ in canonical order.
     *
     * @param index the position in canonical order (0-based)
     * @param field what differs: {@code topic}, {@code partition}, {@code offset}, {@code reason}, {@code value} (the
     *     record's bytes), or {@code record} when one run has no record at that position
     * @param expectedRun the run compared against (live)
     * @param expected its record there, or null
     * @param actualRun the other run (replay)
     * @param actual its record there, or null
     */
    public record Difference(long index, String field, String expectedRun, Entry expected, String actualRun,
                             Entry actual) {
        /** The coordinates of the first record that differs (the expected run's, unless it has none there). */
        public Entry at() {
            return expected != null ? expected : actual;
        }

        /** One line: where, which field, and both sides. */
        public String describe() {
            Entry at = at();
            String where = at.topic() + " partition " + at.partition() + " offset " + at.offset();
            if (expected == null || actual == null) {
                return "record " + index + " (" + where + ") is quarantined by " + (expected == null ? actualRun
                        : expectedRun) + " only";
            }
            return "record " + index + " (" + where + ") differs in " + field + ": " + expectedRun + " "
                    + expected.line() + ", " + actualRun + " " + actual.line();
        }
    }

    /** Collects a run's quarantined records, in any order, up to a cap. */
    public static final class Builder {
        private final String run;
        private final String topicName;
        private final int cap;
        private final List<Entry> entries = new ArrayList<>();

        /**
         * @param run the run id
         * @param topicName the dead-letter topic (for the cap's message)
         * @param cap the most records accepted
         */
        public Builder(String run, String topicName, int cap) {
            this.run = run;
            this.topicName = topicName;
            this.cap = cap;
        }

        /** Adds one record; more than the cap is refused with a {@link VerifyException}. */
        public Builder add(Entry e) {
            if (entries.size() >= cap) {
                throw new VerifyException("run " + run + " quarantined more than " + cap + " ticks records ("
                        + topicName + "); the verifier compares dead-letter topics of at most " + cap + " records:"
                        + " the input is mostly bad; each record's qps.dlq.* headers name its source and reason (for"
                        + " example: kafka-console-consumer --topic " + topicName + " --property print.headers=true)");
            }
            entries.add(Objects.requireNonNull(e, "entry"));
            return this;
        }

        public DeadLetters build() {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(ORDER);
            return new DeadLetters(run, sorted);
        }
    }

    /** An empty form for {@code run}. */
    public static DeadLetters none(String run) {
        return new DeadLetters(run, List.of());
    }

    public String run() {
        return run;
    }

    /** How many records the run quarantined. */
    public long count() {
        return entries.size();
    }

    /** SHA-256 (hex) of the canonical lines, each followed by a newline. */
    public String digest() {
        return digest;
    }

    /** The records in canonical order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The first record at which {@code actual} differs from {@code expected} in canonical order, or null when the two
     * are identical.
     */
    public static Difference firstDifference(DeadLetters expected, DeadLetters actual) {
        int n = Math.max(expected.entries.size(), actual.entries.size());
        for (int i = 0; i < n; i++) {
            Entry e = i < expected.entries.size() ? expected.entries.get(i) : null;
            Entry a = i < actual.entries.size() ? actual.entries.get(i) : null;
            String field = e == null || a == null ? "record" : e.differingField(a);
            if (field != null) {
                return new Difference(i, field, expected.run, e, actual.run, a);
            }
        }
        return null;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
