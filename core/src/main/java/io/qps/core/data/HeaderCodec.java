package io.qps.core.data;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.TradingHours;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes and reads the header and the trailer of a dataset file (see the package documentation). */
final class HeaderCodec {
    static final byte[] MAGIC = {'Q', 'P', 'S', 'D'};
    static final byte[] TRAILER_MAGIC = {'Q', 'P', 'S', 'E'};
    /** Event tag that ends the event section. */
    static final int END_TAG = 7;
    private static final int MAX_STRING = 255;

    private HeaderCodec() {
    }

    static void write(ByteOutput out, DatasetHeader h) {
        out.bytes(MAGIC);
        out.u16(h.formatVersion());
        out.i64(h.seed());
        out.i32(h.days());
        out.i64(h.startMicros());
        out.i64(Double.doubleToLongBits(h.densityScale()));
        out.u16(h.instruments().size());
        for (Instrument in : h.instruments()) {
            string(out, in.symbol());
            string(out, in.assetClass().name());
            out.u8(in.priceDecimals());
            out.u8(in.qtyDecimals());
            out.i64(in.tickSize());
            out.i64(in.lotSize());
            out.i64(in.multiplier());
            string(out, in.quoteCurrency());
            out.u8(in.hasDepth() ? 1 : 0);
            string(out, in.hours().name());
        }
    }

    /** Reads magic and version only, so that a wrong file or version is reported before anything else. */
    static int readMagicAndVersion(ByteInput in) {
        byte[] magic = in.bytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DatasetFormatException(in.file(), 0,
                    "not a qps dataset (magic is " + printable(magic) + ", expected QPSD)",
                    "pass a file written by 'generate'");
        }
        int version = in.u16();
        if (version != DatasetHeader.FORMAT_VERSION) {
            throw new DatasetFormatException(in.file(), MAGIC.length, "unsupported format version " + version
                    + " (this build reads version " + DatasetHeader.FORMAT_VERSION + ")",
                    "regenerate the dataset with this build or use a build that reads version " + version);
        }
        return version;
    }

    /** Reads the rest of the header after {@link #readMagicAndVersion}. */
    static DatasetHeader readRest(ByteInput in, int version) {
        long seed = in.i64();
        int days = in.i32();
        long start = in.i64();
        double density = Double.longBitsToDouble(in.i64());
        long at = in.position();
        int n = in.u16();
        List<Instrument> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long recordAt = in.position();
            try {
                String symbol = string(in);
                AssetClass cls = AssetClass.valueOf(string(in));
                int pd = in.u8();
                int qd = in.u8();
                long tick = in.i64();
                long lot = in.i64();
                long mult = in.i64();
                String ccy = string(in);
                int depth = in.u8();
                if (depth > 1) {
                    throw new IllegalArgumentException("hasDepth flag " + depth);
                }
                TradingHours hours = TradingHours.valueOf(string(in));
                list.add(new Instrument(i, symbol, cls, pd, qd, tick, lot, mult, ccy, depth == 1, hours));
            } catch (IllegalArgumentException e) {
                throw in.fail(recordAt, "bad instrument record " + i + " (" + e.getMessage() + ")");
            }
        }
        try {
            return new DatasetHeader(version, seed, days, start, density, list);
        } catch (IllegalArgumentException e) {
            throw in.fail(at, "bad instrument table (" + e.getMessage() + ")");
        }
    }

    /** Size of the trailer for {@code instruments} instruments, bytes. */
    static int trailerLength(int instruments) {
        return TRAILER_MAGIC.length + 8 + 8 * instruments + 32;
    }

    private static void string(ByteOutput out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_STRING) {
            throw new IllegalArgumentException("string longer than " + MAX_STRING + " bytes: " + s);
        }
        out.u8(b.length);
        out.bytes(b);
    }

    private static String string(ByteInput in) {
        return new String(in.bytes(in.u8()), StandardCharsets.UTF_8);
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 0x20 && x < 0x7F ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
