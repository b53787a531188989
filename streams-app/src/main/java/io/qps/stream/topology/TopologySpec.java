package io.qps.stream.topology;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.Universe;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link QpsTopology#build} needs.
 *
 * @param ticksTopic the session's ticks topic (Avro {@code MarketEvent} values, key = instrument symbol)
 * @param partitions the ticks topic's partition count; the exec repartition topic gets the same count
 * @param run the run id stamped into every Avro output ({@code live}, {@code replay-1}, ...)
 * @param outputs the run's output topics
 * @param universe the session's instruments
 * @param config the session's engine configuration (the reference engine's)
 * @param serdeConfig configuration of the Avro serdes ({@code schema.registry.url}, ...)
 * @param mergeMode {@link MergeMode#GATED} for a real run; {@link MergeMode#ARRIVAL_ORDER} only in negative tests
 */
public record TopologySpec(String ticksTopic, int partitions, String run, RunTopics outputs, Universe universe,
                           EngineConfig config, Map<String, Object> serdeConfig, MergeMode mergeMode,
                           int[] partitionOf, BadRecordPolicy badRecords) {
    public TopologySpec {
        Objects.requireNonNull(ticksTopic, "ticksTopic");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(universe, "universe");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(mergeMode, "mergeMode");
        Objects.requireNonNull(badRecords, "badRecords");
        serdeConfig = Map.copyOf(serdeConfig);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        partitionOf = partitionOf.clone();
        if (partitionOf.length != universe.size()) {
            throw new IllegalArgumentException("a partition is given for " + partitionOf.length + " of "
                    + universe.size() + " instruments");
        }
        for (int p : partitionOf) {
            if (p < 0 || p >= partitions) {
                throw new IllegalArgumentException("instrument partition " + p + " outside 0.." + (partitions - 1));
            }
        }
    }

    /** The spec of a real run: {@link MergeMode#GATED}. */
    public static TopologySpec gated(String ticksTopic, int partitions, String run, RunTopics outputs,
                                     Universe universe, EngineConfig config, Map<String, Object> serdeConfig,
                                     int[] partitionOf) {
        return new TopologySpec(ticksTopic, partitions, run, outputs, universe, config, serdeConfig, MergeMode.GATED,
                partitionOf, BadRecordPolicy.QUARANTINE);
    }

    /** The spec with another merge mode and bad-record policy, for the runner's and the tests' variants. */
    public TopologySpec with(MergeMode mode, BadRecordPolicy policy) {
        return new TopologySpec(ticksTopic, partitions, run, outputs, universe, config, serdeConfig, mode, partitionOf,
                policy);
    }
}
