package io.qps.producer.session;

import io.qps.core.data.DatasetHeader;
import io.qps.core.data.DatasetTrailer;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigException;
import io.qps.core.engine.EngineConfigFile;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.PartitionAssignment;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.SessionManifest;
import io.qps.schemas.mapping.MarketEventMapping;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Builds the {@link SessionManifest} of a session published from a dataset file. */
public final class SessionManifests {
    /** Manifest format version written by this build. */
    public static final int FORMAT_VERSION = 1;

    private SessionManifests() {
    }

    /**
     * The manifest of a session published with Kafka's hash assignment ({@link AssignmentMode#HASH}).
     *
     * @see #of(SessionId, DatasetHeader, DatasetTrailer, PartitionAssignment, AssignmentMode, String, long,
     *     EngineConfig)
     */
    public static SessionManifest of(SessionId session, DatasetHeader header, DatasetTrailer trailer,
                                     int partitions, String version, long createdMillis, EngineConfig engine) {
        return of(session, header, trailer, PartitionAssignments.of(AssignmentMode.HASH, header, trailer, partitions),
                AssignmentMode.HASH, version, createdMillis, engine);
    }

    /**
     * @param session the session
     * @param header the dataset's header (seed, days, start, density, instruments)
     * @param trailer the dataset's trailer (event count, hash)
     * @param assignment each instrument's partition; its partition count is the ticks topic's
     * @param mode how {@code assignment} was chosen
     * @param version the qps version publishing
     * @param createdMillis when publishing began, wall-clock milliseconds since the epoch (metadata only, not part
     *     of the configuration hash)
     * @param engine the strategies' and execution's parameters every run of the session uses
     * @return the manifest; its {@code startMicros} is the dataset header's, its {@code partitionOf} the assignment's,
     *     its {@code engineConfig} the canonical text of {@code engine} (with its hash)
     */
    public static SessionManifest of(SessionId session, DatasetHeader header, DatasetTrailer trailer,
                                     PartitionAssignment assignment, AssignmentMode mode, String version,
                                     long createdMillis, EngineConfig engine) {
        if (assignment.instruments() != header.instruments().size()) {
            throw new IllegalArgumentException("an assignment of " + assignment.instruments() + " instruments for a"
                    + " dataset of " + header.instruments().size());
        }
        List<InstrumentSpec> specs = new ArrayList<>(header.instruments().size());
        for (Instrument i : header.instruments()) {
            specs.add(MarketEventMapping.toAvro(i));
        }
        List<Integer> partitionOf = Arrays.stream(assignment.partitionOf()).boxed().toList();
        return new SessionManifest(session.value(), trailer.sha256(), header.seed(), header.days(),
                assignment.partitions(), trailer.eventCount(), specs, version, configHash(header), FORMAT_VERSION,
                header.startMicros(), createdMillis, partitionOf, mode.manifestName(),
                EngineConfigFile.canonicalText(engine), EngineConfigFile.sha256(engine));
    }

    /**
     * The engine configuration a session's runs use: its manifest's {@code engineConfig}, or the built-in defaults
     * for a manifest written before it was recorded (empty text parses to the defaults).
     *
     * @throws IllegalStateException if the recorded text does not hash to the recorded {@code engineConfigSha256},
     *     or no longer parses (a key this code does not know)
     */
    public static EngineConfig engineConfig(SessionManifest manifest) {
        String text = manifest.getEngineConfig();
        EngineConfig config;
        try {
            config = EngineConfigFile.parse(new StringReader(text));
        } catch (EngineConfigException e) {
            throw new IllegalStateException("session " + manifest.getSessionId() + ": its recorded engine"
                    + " configuration does not load with this qps (" + e.getMessage() + "); it was published by qps "
                    + manifest.getCreatedBy(), e);
        }
        String recorded = manifest.getEngineConfigSha256();
        if (!recorded.isEmpty() && !recorded.equals(sha256(text))) {
            throw new IllegalStateException("session " + manifest.getSessionId() + ": its recorded engine"
                    + " configuration does not match its recorded hash " + recorded + "; publish it again");
        }
        return config;
    }

    /** The hash of the engine configuration a session's runs use ({@link EngineConfigFile#sha256}). */
    public static String engineConfigHash(SessionManifest manifest) {
        return EngineConfigFile.sha256(engineConfig(manifest));
    }

    /**
     * The canonical configuration text of a dataset: one {@code key=value} line per simulator setting and one
     * {@code instrument=} line per instrument (its record form, which includes its trading hours), in id order.
     * Partition counts and the partition assignment are deliberately absent: outputs must not depend on them.
     */
    public static String canonicalConfig(DatasetHeader header) {
        StringBuilder sb = new StringBuilder()
                .append("formatVersion=").append(header.formatVersion()).append('\n')
                .append("seed=").append(header.seed()).append('\n')
                .append("days=").append(header.days()).append('\n')
                .append("startMicros=").append(header.startMicros()).append('\n')
                .append("densityScale=").append(Double.toString(header.densityScale())).append('\n');
        for (Instrument i : header.instruments()) {
            sb.append("instrument=").append(i).append('\n');
        }
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonicalConfig(DatasetHeader)}. */
    public static String configHash(DatasetHeader header) {
        return sha256(canonicalConfig(header));
    }

    private static String sha256(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
