package io.qps.runner;

/** A run that could not start or did not complete, with a one-line reason for the user. */
public final class RunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line for the user */
    public RunException(String message) {
        super(message);
    }

    /**
     * @param message one line for the user
     * @param cause the technical cause
     */
    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
