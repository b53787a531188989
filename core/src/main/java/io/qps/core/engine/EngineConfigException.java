package io.qps.core.engine;

/**
 * A parameters file or override that does not describe a valid {@link EngineConfig}. The message is one line naming
 * where (file and line, or the override), the key, the bad value and what is wrong.
 */
public final class EngineConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EngineConfigException(String message) {
        super(message);
    }
}
