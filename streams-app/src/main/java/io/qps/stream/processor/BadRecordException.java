package io.qps.stream.processor;

/**
 * A ticks record that is not a valid event, met under the fail policy: the run stops. The message is one line
 * naming the record (topic, partition, offset) and what is wrong with it, complete as it is, so a runner prints it
 * without the exception's class name.
 */
public final class BadRecordException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BadRecordException(String message) {
        super(message);
    }
}
