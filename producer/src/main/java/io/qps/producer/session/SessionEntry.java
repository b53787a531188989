package io.qps.producer.session;

import io.qps.schemas.SessionManifest;

/**
 * A session as recorded in {@code qps.sessions}: its manifest and what the manifest schema has no field for,
 * carried as record headers.
 *
 * @param manifest the Avro manifest (dataset hash, seed, days, partitions, instruments, events, version, config hash)
 * @param startMicros start of the dataset's first day, microseconds since the epoch (header {@code qps.start.micros})
 * @param createdMillis when publishing began, wall-clock milliseconds since the epoch (header
 *     {@code qps.created.millis}); metadata only, never an input to processing
 * @param complete whether every event was published and acknowledged (header {@code qps.status}:
 *     {@code publishing} while in progress, {@code complete} after)
 */
public record SessionEntry(SessionManifest manifest, long startMicros, long createdMillis, boolean complete) {
    /** Header naming the dataset's start. */
    public static final String START_HEADER = "qps.start.micros";
    /** Header naming when the session was created. */
    public static final String CREATED_HEADER = "qps.created.millis";
    /** Header holding {@code publishing} or {@code complete}. */
    public static final String STATUS_HEADER = "qps.status";

    /** The session's id. */
    public SessionId session() {
        return SessionId.of(manifest.getSessionId());
    }

    /** The same entry marked complete. */
    public SessionEntry completed() {
        return new SessionEntry(manifest, startMicros, createdMillis, true);
    }
}
