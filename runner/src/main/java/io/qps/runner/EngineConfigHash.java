package io.qps.runner;

import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigFile;

/**
 * The hash of an engine configuration recorded with each run: {@link EngineConfigFile#sha256}, the SHA-256 of the
 * configuration's canonical properties text (every key, sorted), the same hash {@code qps reference} prints. A replay
 * compares it with the live run's to say when the configuration changed since.
 */
public final class EngineConfigHash {
    private EngineConfigHash() {
    }

    /** The hash of {@code config}. */
    public static String of(EngineConfig config) {
        return EngineConfigFile.sha256(config);
    }
}
