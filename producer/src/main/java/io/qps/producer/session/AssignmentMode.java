package io.qps.producer.session;

import java.util.Locale;

/**
 * How publish chooses each instrument's partition of the ticks topic. Recorded in the manifest's {@code assignment}
 * field by its lower-case name ({@link #manifestName()}); new constants go last.
 */
public enum AssignmentMode {
    /** Kafka's default partitioner for a keyed record: murmur2 of the symbol's UTF-8 bytes modulo the partitions. */
    HASH,
    /** Greedy by the dataset's event counts, the pairs strategy's legs kept together ({@link PartitionAssignments}). */
    BALANCED;

    /** The name as recorded in the manifest and given on the command line: {@code hash} or {@code balanced}. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code name}, any case.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static AssignmentMode parse(String name) {
        for (AssignmentMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("invalid assignment '" + name + "': use balanced or hash");
    }
}
