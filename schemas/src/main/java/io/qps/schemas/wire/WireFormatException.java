package io.qps.schemas.wire;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A payload that is not in the Confluent wire format, or whose Avro body cannot be read. The message is one
 * line and names the topic and offset when they are known.
 */
public class WireFormatException extends SerializationException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
