package io.qps.core.market;

import io.qps.core.state.Snapshottable;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The last book of every instrument as far as a reader has got: best bid and ask of its last quote or
 * book update, that event's time, and the {@code seq} of the instrument's last event of any kind.
 * What a {@link io.qps.core.strategy.BoundaryStrategy} reads at a boundary: the view holds exactly the
 * events before the boundary. Instruments never seen have bid = ask = 0, {@link #NONE} as book time and
 * seq 0.
 */
public final class MarketView implements Snapshottable {
    /** Book time of an instrument without a book yet. */
    public static final long NONE = Long.MIN_VALUE;

    private final long[] bid;
    private final long[] ask;
    private final long[] bookMicros;
    private final long[] lastSeq;

    public MarketView(int instruments) {
        bid = new long[instruments];
        ask = new long[instruments];
        bookMicros = new long[instruments];
        lastSeq = new long[instruments];
        Arrays.fill(bookMicros, NONE);
    }

    /** Takes event {@code e} into the view. */
    public void onEvent(MarketEvent e) {
        int i = e.instrument();
        lastSeq[i] = e.seq();
        if (e.isBook()) {
            bid[i] = e.bestBid();
            ask[i] = e.bestAsk();
            bookMicros[i] = e.timestampMicros();
        }
    }

    public int size() {
        return bid.length;
    }

    /** Best bid of instrument {@code i}'s last book, raw price; 0 before its first. */
    public long bid(int i) {
        return bid[i];
    }

    /** Best ask of instrument {@code i}'s last book, raw price; 0 before its first. */
    public long ask(int i) {
        return ask[i];
    }

    /** Time of instrument {@code i}'s last book event, microseconds; {@link #NONE} before its first. */
    public long bookMicros(int i) {
        return bookMicros[i];
    }

    /** Seq of instrument {@code i}'s last event of any kind; 0 before its first. */
    public long lastSeq(int i) {
        return lastSeq[i];
    }

    /** Sets instrument {@code i}'s entry (a summary read from another task). */
    public void set(int i, long bestBid, long bestAsk, long bookTime, long seq) {
        bid[i] = bestBid;
        ask[i] = bestAsk;
        bookMicros[i] = bookTime;
        lastSeq[i] = seq;
    }

    /** Writes instrument {@code i}'s entry: bid, ask, book time, seq (32 bytes). */
    private void writeEntry(DataOutput out, int i) throws IOException {
        out.writeLong(bid[i]);
        out.writeLong(ask[i]);
        out.writeLong(bookMicros[i]);
        out.writeLong(lastSeq[i]);
    }

    /** Reads an entry written by {@link #writeEntry} into instrument {@code i}. */
    private void readEntry(DataInput in, int i) throws IOException {
        set(i, in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(size());
        for (int i = 0; i < size(); i++) {
            writeEntry(out, i);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        int n = in.readInt();
        if (n != size()) {
            throw new IOException("market view of " + n + " instruments cannot be read into one of " + size());
        }
        for (int i = 0; i < n; i++) {
            readEntry(in, i);
        }
    }
}
