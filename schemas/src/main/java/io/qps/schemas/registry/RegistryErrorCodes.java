package io.qps.schemas.registry;

/**
 * Confluent Schema Registry {@code error_code} values (the body of an error answer is
 * {@code {"error_code": N, "message": "..."}}), plus {@link #UNREACHABLE}, which only the client uses.
 */
public final class RegistryErrorCodes {
    /** The registry could not be reached or did not answer in time (client side only, never on the wire). */
    public static final int UNREACHABLE = -1;
    /** HTTP 404: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** HTTP 404: the subject has no such version. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** HTTP 404: no schema with that id, or the schema is not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** HTTP 404: the subject has no subject-level compatibility level. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** HTTP 409: the schema is incompatible with earlier schemas of the subject. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** HTTP 422: the schema text is not a valid Avro schema (or not an Avro schema). */
    public static final int INVALID_SCHEMA = 42201;
    /** HTTP 422: the version is not a positive integer nor "latest". */
    public static final int INVALID_VERSION = 42202;
    /** HTTP 422: unknown compatibility level. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** HTTP 500: the backend store failed. */
    public static final int STORE_ERROR = 50001;
    /** HTTP 500: an operation timed out. */
    public static final int OPERATION_TIMEOUT = 50002;

    /** Media type of every request and answer body of the v1 API. */
    public static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

    private RegistryErrorCodes() {
    }
}
