package io.qps.producer.session;

import io.qps.core.engine.EngineConfig;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.schemas.SessionManifest;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A session as recorded in {@code qps.sessions}: its manifest (the record value) and whether publishing finished (the
 * record header {@link #STATUS_HEADER}).
 *
 * <p>The status stays a header, not a manifest field, because it is the catalog entry's lifecycle, not part of what
 * the session was made from: the {@code publishing} and the {@code complete} record of one publish carry the same
 * manifest value, so comparing manifests (replay, verify) needs no field to ignore.
 *
 * @param manifest the Avro manifest (dataset hash, seed, days, partitions, instruments, events, version, config hash,
 *     dataset start, creation time, partition assignment)
 * @param complete whether every event was published and acknowledged ({@code publishing} while in progress,
 *     {@code complete} after)
 */
public record SessionEntry(SessionManifest manifest, boolean complete) {
    /** Header holding {@code publishing} or {@code complete}. */
    public static final String STATUS_HEADER = "qps.status";
    /** Header that carried the dataset's start before manifest schema v2; read only, for older records. */
    static final String LEGACY_START_HEADER = "qps.start.micros";
    /** Header that carried the creation time before manifest schema v2; read only, for older records. */
    static final String LEGACY_CREATED_HEADER = "qps.created.millis";

    private static final String COMPLETE = "complete";
    private static final String PUBLISHING = "publishing";

    /**
     * The entry of a {@code qps.sessions} record. A manifest written before schema v2 reads with
     * {@code startMicros} and {@code createdMillis} 0 (the schema defaults); their values are then taken from the
     * legacy headers, if present.
     */
    public static SessionEntry of(SessionManifest manifest, Headers headers) {
        SessionManifest m = manifest;
        if (m.getStartMicros() == 0L || m.getCreatedMillis() == 0L) {
            m = SessionManifest.newBuilder(manifest)
                    .setStartMicros(orLegacy(m.getStartMicros(), headers, LEGACY_START_HEADER))
                    .setCreatedMillis(orLegacy(m.getCreatedMillis(), headers, LEGACY_CREATED_HEADER))
                    .build();
        }
        return new SessionEntry(m, COMPLETE.equals(text(headers, STATUS_HEADER)));
    }

    /** The headers to record with the manifest: the status only. */
    public Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(STATUS_HEADER, (complete ? COMPLETE : PUBLISHING).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The session's id. */
    public SessionId session() {
        return SessionId.of(manifest.getSessionId());
    }

    /** Start of the dataset's first day, microseconds since the epoch (the manifest's {@code startMicros}). */
    public long startMicros() {
        return manifest.getStartMicros();
    }

    /**
     * When publishing began, wall-clock milliseconds since the epoch (the manifest's {@code createdMillis});
     * metadata only, never an input to processing.
     */
    public long createdMillis() {
        return manifest.getCreatedMillis();
    }

    /**
     * Each instrument's partition in the session's ticks topic: the manifest's {@code partitionOf}, or Kafka's hash
     * assignment for a manifest that predates it ({@link PartitionAssignments#of(SessionManifest)}).
     */
    public PartitionAssignment assignment() {
        return PartitionAssignments.of(manifest);
    }

    /**
     * The strategies' and execution's parameters every run of the session uses, as its manifest records them
     * ({@link SessionManifests#engineConfig}: the defaults for a manifest that predates the record).
     */
    public EngineConfig engineConfig() {
        return SessionManifests.engineConfig(manifest);
    }

    /** The same entry marked complete. */
    public SessionEntry completed() {
        return new SessionEntry(manifest, true);
    }

    private static long orLegacy(long value, Headers headers, String legacyHeader) {
        if (value != 0L) {
            return value;
        }
        String legacy = text(headers, legacyHeader);
        return legacy == null ? 0L : Long.parseLong(legacy);
    }

    private static String text(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
