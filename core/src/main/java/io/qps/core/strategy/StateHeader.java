package io.qps.core.strategy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The first bytes of every strategy's state: a format version, the strategy and the instrument (or
 * -1), so that state read into the wrong instance fails loudly instead of trading on garbage.
 */
final class StateHeader {
    static final int VERSION = 1;

    private StateHeader() {
    }

    static void write(DataOutput out, StrategyId id, int instrument) throws IOException {
        out.writeByte(VERSION);
        out.writeByte(id.ordinal());
        out.writeInt(instrument);
    }

    static void check(DataInput in, StrategyId id, int instrument) throws IOException {
        int version = in.readByte();
        int ordinal = in.readByte();
        int inst = in.readInt();
        if (version != VERSION || ordinal != id.ordinal() || inst != instrument) {
            throw new IOException("state of version " + version + ", strategy " + ordinal + ", instrument " + inst
                    + " cannot be read into " + id.code() + " for instrument " + instrument);
        }
    }
}
