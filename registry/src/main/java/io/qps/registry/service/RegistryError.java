package io.qps.registry.service;

import io.qps.schemas.registry.RegistryErrorCodes;

/**
 * A request the registry refuses, with the HTTP status and Confluent {@code error_code} of its answer.
 */
public class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, RegistryErrorCodes.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String subject, String version) {
        return new RegistryError(404, RegistryErrorCodes.VERSION_NOT_FOUND,
                "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryError schemaNotFound(String what) {
        return new RegistryError(404, RegistryErrorCodes.SCHEMA_NOT_FOUND, what);
    }

    static RegistryError invalidSchema(String why) {
        return new RegistryError(422, RegistryErrorCodes.INVALID_SCHEMA, "Invalid schema: " + why);
    }
}
