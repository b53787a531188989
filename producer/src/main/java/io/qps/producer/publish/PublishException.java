package io.qps.producer.publish;

/** A publish that could not be done or did not complete; the message is one line saying why and what to do. */
public final class PublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line for the user */
    public PublishException(String message) {
        super(message);
    }

    /** @param message one line for the user @param cause the technical cause */
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
