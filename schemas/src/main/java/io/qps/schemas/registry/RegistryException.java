package io.qps.schemas.registry;

/**
 * A failed registry call. {@link #errorCode()} is Confluent's {@code error_code} (for example 40401 subject not
 * found, 409 incompatible), or {@link RegistryErrorCodes#UNREACHABLE} when the registry could not be reached or
 * did not answer in time; {@link #httpStatus()} is the HTTP status, 0 when there was no answer. The message is
 * one line.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final int httpStatus;

    public RegistryException(int errorCode, int httpStatus, String message) {
        super(message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public RegistryException(int errorCode, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** Confluent's {@code error_code}, or {@link RegistryErrorCodes#UNREACHABLE}. */
    public int errorCode() {
        return errorCode;
    }

    /** HTTP status of the answer, 0 if none came. */
    public int httpStatus() {
        return httpStatus;
    }
}
