package io.qps.stream.topology;

/**
 * What a partition task does with a ticks record that is not a valid event: undecodable bytes (bad magic byte,
 * unknown schema id, truncated Avro), values out of range (see {@link io.qps.core.market.MarketEventCheck}), or a
 * seq that does not increase within the partition (duplicated or out of order). The decision depends on the
 * record and the records before it in its partition only, so live and replay quarantine the same records.
 */
public enum BadRecordPolicy {
    /** Write the record's bytes and coordinates to the run's dead-letter topic and carry on. The default. */
    QUARANTINE,
    /** Stop the run, naming topic, partition, offset and reason. */
    FAIL
}
