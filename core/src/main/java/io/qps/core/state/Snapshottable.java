package io.qps.core.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A stateful core component whose whole state can be written out and read back. The streaming
 * application keeps these bytes in changelogged state stores, so a component restored from its
 * bytes must behave exactly as the one that wrote them: same outputs for the same further inputs.
 * The encoding is deterministic: equal states write equal bytes.
 */
public interface Snapshottable {
    void writeState(DataOutput out) throws IOException;

    /** Replaces this component's state with the one {@code in} holds. */
    void readState(DataInput in) throws IOException;
}
