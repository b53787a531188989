package io.qps.verify;

import io.qps.verify.canonical.ExternalSort;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and in what chunks the verifier sorts runs on disk: a fresh folder under {@code parent} per verification,
 * deleted when it ends, and {@code chunkLines} lines in memory per sorted chunk (this, not the run's length, bounds
 * the verifier's memory).
 *
 * @param parent the folder to create the verification's temporary folder in
 * @param chunkLines lines held in memory before a sorted chunk is written, at least 1
 */
public record SpillSettings(Path parent, int chunkLines) {

    public SpillSettings {
        Objects.requireNonNull(parent, "parent");
        if (chunkLines < 1) {
            throw new IllegalArgumentException("chunkLines must be >= 1, was " + chunkLines);
        }
    }

    /** The system's temporary folder, {@link ExternalSort#DEFAULT_CHUNK_LINES} lines per chunk. */
    public static SpillSettings defaults() {
        return new SpillSettings(Path.of(System.getProperty("java.io.tmpdir")), ExternalSort.DEFAULT_CHUNK_LINES);
    }
}
