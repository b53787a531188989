package io.qps.stream.codec;

import io.qps.core.execution.FillEvent;
import io.qps.core.execution.Liquidity;
import io.qps.core.execution.OrderType;
import io.qps.core.execution.TargetPosition;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import io.qps.core.strategy.StrategyId;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the records of the internal topics; the byte layout is documented in this package's
 * {@code package-info}. Every value starts with {@link #VERSION} and a kind byte; decoding checks both and that
 * no byte is left over.
 */
public final class InternalCodec {
    /** The layout version, the first byte of every value. */
    public static final int VERSION = 1;

    static final int DIGEST = 1;
    static final int TICK = 2;
    static final int TARGET = 3;
    static final int MARKER = 4;
    static final int LEDGER = 5;

    private static final int QUOTE = 0;
    private static final int TRADE = 1;
    private static final int BOOK = 2;

    private static final StrategyId[] STRATEGIES = StrategyId.values();
    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final Liquidity[] LIQUIDITIES = Liquidity.values();

    private InternalCodec() {
    }

    public static byte[] encode(MarketDigest d) {
        ByteWriter w = header(DIGEST, 96);
        w.putInt(d.partition());
        writeEvent(w, d.event());
        return w.toByteArray();
    }

    public static MarketDigest decodeDigest(byte[] bytes) {
        ByteReader r = open(bytes, DIGEST);
        MarketDigest d = new MarketDigest(r.getInt(), readEvent(r));
        r.end();
        return d;
    }

    public static byte[] encode(ExecMessage m) {
        ByteWriter w;
        if (m instanceof ExecMessage.Tick t) {
            w = header(TICK, 96);
            w.putInt(t.partition());
            writeEvent(w, t.event());
        } else if (m instanceof ExecMessage.Target t) {
            w = header(TARGET, 56);
            w.putInt(t.partition());
            writeTarget(w, t.target());
        } else {
            ExecMessage.Marker k = (ExecMessage.Marker) m;
            w = header(MARKER, 16);
            w.putInt(k.partition());
            w.putLong(k.seq());
        }
        return w.toByteArray();
    }

    public static ExecMessage decodeExec(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        int kind = checkVersion(r);
        ExecMessage m = switch (kind) {
            case TICK -> new ExecMessage.Tick(r.getInt(), readEvent(r));
            case TARGET -> new ExecMessage.Target(r.getInt(), readTarget(r));
            case MARKER -> new ExecMessage.Marker(r.getInt(), r.getLong());
            default -> throw new CodecException("kind " + kind + " is not an exec record");
        };
        r.end();
        return m;
    }

    public static byte[] encode(LedgerEntry e) {
        ByteWriter w = header(LEDGER, 48 + 96 * e.fills().size());
        w.putLong(e.seq());
        w.putLong(e.timestampMicros());
        w.putInt(e.instrument());
        w.putByte(e.book() ? 1 : 0);
        w.putLong(e.bestBid());
        w.putLong(e.bestAsk());
        w.putInt(e.fills().size());
        for (FillEvent f : e.fills()) {
            writeFill(w, f);
        }
        return w.toByteArray();
    }

    public static LedgerEntry decodeLedger(byte[] bytes) {
        ByteReader r = open(bytes, LEDGER);
        long seq = r.getLong();
        long ts = r.getLong();
        int instrument = r.getInt();
        boolean book = r.getByte() != 0;
        long bid = r.getLong();
        long ask = r.getLong();
        int n = r.getInt();
        List<FillEvent> fills = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fills.add(readFill(r));
        }
        r.end();
        return new LedgerEntry(seq, ts, instrument, book, bid, ask, fills);
    }

    private static ByteWriter header(int kind, int capacity) {
        ByteWriter w = new ByteWriter(capacity);
        w.putByte(VERSION);
        w.putByte(kind);
        return w;
    }

    private static ByteReader open(byte[] bytes, int expected) {
        ByteReader r = new ByteReader(bytes);
        int kind = checkVersion(r);
        if (kind != expected) {
            throw new CodecException("record of kind " + kind + " where kind " + expected + " was expected");
        }
        return r;
    }

    private static int checkVersion(ByteReader r) {
        int version = r.getByte();
        if (version != VERSION) {
            throw new CodecException("internal record version " + version + ", this code reads version " + VERSION);
        }
        return r.getByte();
    }

    static void writeEvent(ByteWriter w, MarketEvent e) {
        if (e instanceof Quote q) {
            w.putByte(QUOTE);
            writeEventHeader(w, e);
            w.putLong(q.bidPrice());
            w.putLong(q.bidSize());
            w.putLong(q.askPrice());
            w.putLong(q.askSize());
        } else if (e instanceof Trade t) {
            w.putByte(TRADE);
            writeEventHeader(w, e);
            w.putLong(t.price());
            w.putLong(t.size());
            w.putByte(t.aggressor().ordinal());
        } else {
            BookUpdate b = (BookUpdate) e;
            w.putByte(BOOK);
            writeEventHeader(w, e);
            writeLevels(w, b.bidPrices(), b.bidSizes());
            writeLevels(w, b.askPrices(), b.askSizes());
        }
    }

    private static void writeEventHeader(ByteWriter w, MarketEvent e) {
        w.putLong(e.seq());
        w.putLong(e.timestampMicros());
        w.putInt(e.instrument());
    }

    private static void writeLevels(ByteWriter w, long[] prices, long[] sizes) {
        w.putInt(prices.length);
        for (int i = 0; i < prices.length; i++) {
            w.putLong(prices[i]);
            w.putLong(sizes[i]);
        }
    }

    static MarketEvent readEvent(ByteReader r) {
        int type = r.getByte();
        long seq = r.getLong();
        long ts = r.getLong();
        int instrument = r.getInt();
        return switch (type) {
            case QUOTE -> new Quote(seq, ts, instrument, r.getLong(), r.getLong(), r.getLong(), r.getLong());
            case TRADE -> new Trade(seq, ts, instrument, r.getLong(), r.getLong(), enumAt(SIDES, r.getByte()));
            case BOOK -> readBook(r, seq, ts, instrument);
            default -> throw new CodecException("unknown market event type " + type + " at seq " + seq);
        };
    }

    private static BookUpdate readBook(ByteReader r, long seq, long ts, int instrument) {
        long[][] bids = readLevels(r);
        long[][] asks = readLevels(r);
        return new BookUpdate(seq, ts, instrument, bids[0], bids[1], asks[0], asks[1]);
    }

    private static long[][] readLevels(ByteReader r) {
        int n = r.getInt();
        if (n < 0 || n > 10_000) {
            throw new CodecException("implausible book depth " + n);
        }
        long[] prices = new long[n];
        long[] sizes = new long[n];
        for (int i = 0; i < n; i++) {
            prices[i] = r.getLong();
            sizes[i] = r.getLong();
        }
        return new long[][] {prices, sizes};
    }

    private static void writeTarget(ByteWriter w, TargetPosition t) {
        w.putLong(t.causeSeq());
        w.putLong(t.causeTimestampMicros());
        w.putByte(t.strategy().ordinal());
        w.putInt(t.sub());
        w.putInt(t.instrument());
        w.putLong(t.quantity());
        w.putByte(t.type().ordinal());
        w.putLong(t.limitPrice());
    }

    private static TargetPosition readTarget(ByteReader r) {
        return new TargetPosition(r.getLong(), r.getLong(), enumAt(STRATEGIES, r.getByte()), r.getInt(), r.getInt(),
                r.getLong(), enumAt(TYPES, r.getByte()), r.getLong());
    }

    private static void writeFill(ByteWriter w, FillEvent f) {
        w.putLong(f.seq());
        w.putString(f.symbol());
        w.putInt(f.sub());
        w.putLong(f.timestampMicros());
        w.putByte(f.strategy().ordinal());
        w.putInt(f.instrument());
        w.putString(f.orderId());
        w.putByte(f.side().ordinal());
        w.putLong(f.quantity());
        w.putLong(f.price());
        w.putByte(f.liquidity().ordinal());
        w.putLong(f.fee());
        w.putLong(f.remaining());
        w.putLong(f.orderCauseSeq());
    }

    private static FillEvent readFill(ByteReader r) {
        return new FillEvent(r.getLong(), r.getString(), r.getInt(), r.getLong(), enumAt(STRATEGIES, r.getByte()),
                r.getInt(), r.getString(), enumAt(SIDES, r.getByte()), r.getLong(), r.getLong(),
                enumAt(LIQUIDITIES, r.getByte()), r.getLong(), r.getLong(), r.getLong());
    }

    private static <E> E enumAt(E[] values, int ordinal) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new CodecException("enum ordinal " + ordinal + " out of range 0.." + (values.length - 1));
        }
        return values[ordinal];
    }
}
