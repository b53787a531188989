package io.qps.stream.app;

import io.qps.core.engine.EngineConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an engine configuration recorded with each run: lower-case hex SHA-256 of the configuration's record
 * text (every strategy, execution, portfolio and statistics setting, in declaration order). A replay compares it with
 * the live run's to say when the code's configuration changed since.
 */
public final class EngineConfigHash {
    private EngineConfigHash() {
    }

    /** The hash of {@code config}. */
    public static String of(EngineConfig config) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(config.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
