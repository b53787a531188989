package io.qps.producer.session;

import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.core.strategy.PairsConfig;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.SessionManifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/**
 * The {@link PartitionAssignment} of a session: chosen by publish ({@link #of}), read back from its manifest
 * ({@link #of(SessionManifest)}).
 */
public final class PartitionAssignments {
    private PartitionAssignments() {
    }

    /** The assignment {@code mode} gives for a dataset published to {@code partitions} partitions. */
    public static PartitionAssignment of(AssignmentMode mode, DatasetHeader header, DatasetTrailer trailer,
                                         int partitions) {
        return switch (mode) {
            case HASH -> hash(header.instruments().stream().map(Instrument::symbol).toList(), partitions);
            case BALANCED -> balanced(header, trailer, partitions);
        };
    }

    /**
     * Each instrument's partition as Kafka's default partitioner computes it for a keyed record: murmur2 of the
     * symbol's UTF-8 bytes, made positive, modulo the partition count.
     *
     * @param symbols instrument symbols by id
     */
    public static PartitionAssignment hash(List<String> symbols, int partitions) {
        return new PartitionAssignment(partitions, symbols.stream()
                .mapToInt(s -> Utils.toPositive(Utils.murmur2(s.getBytes(StandardCharsets.UTF_8))) % partitions)
                .toArray());
    }

    /**
     * {@link PartitionAssignment#balanced} over the dataset's events per instrument, keeping the legs of the
     * default pairs strategy ({@link PairsConfig#defaults()}) on one partition when both are in the universe.
     */
    public static PartitionAssignment balanced(DatasetHeader header, DatasetTrailer trailer, int partitions) {
        long[] counts = trailer.eventsPerInstrument().stream().mapToLong(Long::longValue).toArray();
        PairsConfig pairs = PairsConfig.defaults();
        Optional<Instrument> a = find(header, pairs.legA());
        Optional<Instrument> b = find(header, pairs.legB());
        List<int[]> groups = new ArrayList<>();
        if (a.isPresent() && b.isPresent()) {
            groups.add(new int[] {a.get().id(), b.get().id()});
        }
        return PartitionAssignment.balanced(counts, partitions, groups);
    }

    /**
     * The assignment a manifest records: its {@code partitionOf}, or, when that is empty (manifests before schema v3),
     * the {@link #hash} assignment of its instruments, which is how those sessions were published.
     *
     * @throws IllegalArgumentException if {@code partitionOf} does not give one valid partition per instrument
     */
    public static PartitionAssignment of(SessionManifest manifest) {
        List<Integer> of = manifest.getPartitionOf();
        if (of.isEmpty()) {
            return hash(manifest.getInstruments().stream().map(InstrumentSpec::getSymbol).toList(),
                    manifest.getPartitions());
        }
        if (of.size() != manifest.getInstruments().size()) {
            throw new IllegalArgumentException("manifest of session " + manifest.getSessionId() + ": partitionOf has "
                    + of.size() + " entries for " + manifest.getInstruments().size() + " instruments");
        }
        return new PartitionAssignment(manifest.getPartitions(), of.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Optional<Instrument> find(DatasetHeader header, String symbol) {
        return header.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst();
    }
}
