package io.qps.stream.processor;

import io.qps.core.state.Snapshottable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Core state to and from the bytes kept in state stores. */
final class StateBytes {
    private StateBytes() {
    }

    /** The parts' states written one after the other. */
    static byte[] write(Snapshottable... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Snapshottable part : parts) {
                part.writeState(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Restores the parts from what {@link #write} gave for the same parts; every byte must be read. */
    static void read(byte[] state, String what, Snapshottable... parts) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            for (Snapshottable part : parts) {
                part.readState(in);
            }
            if (in.available() != 0) {
                throw new IllegalStateException("state of " + what + " has " + in.available() + " trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalStateException("state of " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    static byte[] ofLong(long v) {
        return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
    }

    static long toLong(byte[] b) {
        if (b.length != Long.BYTES) {
            throw new IllegalStateException("a stored long has " + b.length + " bytes");
        }
        return ByteBuffer.wrap(b).getLong();
    }
}
