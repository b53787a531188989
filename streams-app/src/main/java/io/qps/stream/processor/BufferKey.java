package io.qps.stream.processor;

import io.qps.core.execution.TargetPosition;
import io.qps.core.market.MarketEvent;
import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The exec buffer's 18-byte keys, whose unsigned byte order is the release order: seq (8, big-endian), instrument
 * id (4), kind (1: tick 0, target 1), strategy ordinal (1), sub (4). All fields are non-negative, so byte order
 * equals numeric order.
 */
final class BufferKey {
    static final int LENGTH = 18;
    static final int TICK = 0;
    static final int TARGET = 1;

    private BufferKey() {
    }

    static Bytes of(long seq, int instrument, int kind, int strategy, int sub) {
        if (seq < 0 || instrument < 0 || sub < 0) {
            throw new IllegalArgumentException("buffer key fields must be >= 0: seq " + seq + ", instrument "
                    + instrument + ", sub " + sub);
        }
        return Bytes.wrap(ByteBuffer.allocate(LENGTH).putLong(seq).putInt(instrument).put((byte) kind)
                .put((byte) strategy).putInt(sub).array());
    }

    static Bytes tick(MarketEvent e) {
        return of(e.seq(), e.instrument(), TICK, 0, 0);
    }

    static Bytes target(TargetPosition t) {
        return of(t.causeSeq(), t.instrument(), TARGET, t.strategy().ordinal(), t.sub());
    }

    /** The smallest key. */
    static Bytes first() {
        return Bytes.wrap(new byte[LENGTH]);
    }

    /** The largest key of {@code seq}. */
    static Bytes lastOf(long seq) {
        return Bytes.wrap(ByteBuffer.allocate(LENGTH).putLong(seq).putInt(-1).put((byte) -1).put((byte) -1)
                .putInt(-1).array());
    }
}
