package io.qps.embedded;

/**
 * The embedded broker could not be formatted, started, probed or stopped. The message is one line meant for a person
 * (it names the port, folder or log file to look at); the cause, if any, carries the technical detail.
 */
public final class EmbeddedKafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one-line explanation for a person
     */
    public EmbeddedKafkaException(String message) {
        super(message);
    }

    /**
     * @param message one-line explanation for a person
     * @param cause technical cause
     */
    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
