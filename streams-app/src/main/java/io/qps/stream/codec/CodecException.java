package io.qps.stream.codec;

/** Bytes on an internal topic or in a store that this codec version cannot read: a broken invariant. */
public final class CodecException extends IllegalStateException {

    public CodecException(String message) {
        super(message);
    }
}
