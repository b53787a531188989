package io.qps.stream.gate;

import io.qps.core.engine.CausalKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte encoding of {@link CausalKey} whose unsigned lexicographic order (RocksDB's and Kafka's
 * {@code Bytes} order) equals {@link CausalKey#compareTo} order, so a key-value store's range scan
 * returns records in causal-key order.
 *
 * <p>Layout: {@code seq} as 8 bytes big-endian with the sign bit flipped (so negative sorts before
 * positive), then {@code source} in UTF-8 followed by a {@code 0} terminator (so a prefix sorts first),
 * then {@code sub} as 4 bytes big-endian with the sign bit flipped. UTF-8 byte order equals code-point
 * order, which equals {@link String#compareTo} (UTF-16 unit) order only without surrogates; a source
 * containing U+0000 or a surrogate (a supplementary character) is therefore rejected.
 */
public final class CausalKeyCodec {
    private static final int SEQ_BYTES = Long.BYTES;
    private static final int SUB_BYTES = Integer.BYTES;

    private CausalKeyCodec() {
    }

    /** The key's bytes; throws {@link IllegalArgumentException} for a source it cannot order. */
    public static byte[] encode(CausalKey key) {
        byte[] source = sourceBytes(key.source());
        return ByteBuffer.allocate(SEQ_BYTES + source.length + 1 + SUB_BYTES)
                .putLong(key.seq() ^ Long.MIN_VALUE)
                .put(source)
                .put((byte) 0)
                .putInt(key.sub() ^ Integer.MIN_VALUE)
                .array();
    }

    /** The key {@link #encode} wrote into {@code bytes}. */
    public static CausalKey decode(byte[] bytes) {
        int end = bytes.length - SUB_BYTES - 1;
        if (end < SEQ_BYTES || bytes[end] != 0) {
            throw new IllegalArgumentException("not an encoded causal key: " + Arrays.toString(bytes));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long seq = buf.getLong(0) ^ Long.MIN_VALUE;
        String source = new String(bytes, SEQ_BYTES, end - SEQ_BYTES, StandardCharsets.UTF_8);
        int sub = buf.getInt(end + 1) ^ Integer.MIN_VALUE;
        return new CausalKey(seq, source, sub);
    }

    /**
     * The 8-byte prefix every key with this {@code seq} starts with. Every key with {@code seq <= s}
     * sorts strictly below {@code seqPrefix(s + 1)}, and every key with {@code seq >= s} sorts at or
     * above {@code seqPrefix(s)}: the bounds of a range scan by {@code seq}.
     */
    public static byte[] seqPrefix(long seq) {
        return ByteBuffer.allocate(SEQ_BYTES).putLong(seq ^ Long.MIN_VALUE).array();
    }

    private static byte[] sourceBytes(String source) {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("causal key source must not contain U+0000 or a"
                        + " supplementary character (its byte order would differ from its key order): "
                        + source);
            }
        }
        return source.getBytes(StandardCharsets.UTF_8);
    }
}
