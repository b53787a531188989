package io.qps.registry.storage;

/** The store could not load or durably append; the registry answers error_code 50001. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
