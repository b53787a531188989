package io.qps.verify;

/** A verification that cannot be carried out (unknown session or run, wrong dataset, broker away), with why. */
public final class VerifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VerifyException(String message) {
        super(message);
    }
}
