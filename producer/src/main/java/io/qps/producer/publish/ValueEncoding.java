package io.qps.producer.publish;

/** How the publisher turns events into record values; both give the same bytes (a test checks it). */
public enum ValueEncoding {
    /** Core event to Avro {@code MarketEvent} to bytes through the project's {@code AvroSerializer}. */
    SERDE,
    /** Core event straight to the same bytes with {@link DirectEventEncoder} (faster; the default). */
    DIRECT
}
