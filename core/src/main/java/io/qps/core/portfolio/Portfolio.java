package io.qps.core.portfolio;

import io.qps.core.execution.FillEvent;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.MarketEvent;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.StrategyId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The accounts of every strategy in every instrument, their marks, and the equity curve.
 *
 * <h2>Accounting</h2>
 * Per (strategy, instrument): signed raw position q, cost basis C (signed money, the sign of q),
 * realized PnL, fees and cash, all exact {@code long} money ({@link io.qps.core.instrument.Money} units).
 * A fill that increases |q| adds its notional to C; one that reduces it removes {@code C * closed / |q|}
 * (rounded toward zero, exactly C when it closes everything) and realizes the difference to the closing
 * notional; one that goes through zero closes all and opens the rest. Cash changes by
 * {@code -signedNotional - fee}. So {@code cash + C == realized - fees} always holds.
 *
 * <h2>Marks</h2>
 * Each instrument's mark is the mid of its last quote or book, kept as {@code bid + ask} so that a half
 * tick is exact: the marked value of q is {@code notional(bid + ask, q) / 2}, rounded toward zero.
 * Unrealized PnL is marked value minus C (0 while an instrument has no mark). Total PnL is
 * {@code realized + unrealized - fees} ({@code == cash + marked value}). A strategy's figures are sums
 * over instruments and the portfolio's ({@link PnlSnapshot#TOTAL}) sums over strategies, so strategies
 * add up to the total exactly.
 *
 * <h2>Equity curve</h2>
 * Boundaries are the multiples of {@code sampleIntervalMicros}. For every boundary B with
 * {@code lastTs < B <= e.timestampMicros()} (lastTs: the previous event's time; the first event crosses
 * none), the event e first emits one {@link PnlSnapshot} per strategy in {@link StrategyId} order, then
 * the TOTAL, reflecting all events before e; then it updates the marks. The snapshot key is
 * {@code (e.seq, book, sub)} where {@code sub} numbers the boundaries e crossed (0 for the earliest), so
 * keys are unique.
 *
 * <h2>Call order</h2>
 * Per market event e: {@code portfolio.onMarketEvent(e, ...)}, then the execution's
 * {@code onMarketEvent(e, ...)} with every fill passed to {@link #onFill} as it comes, then the targets
 * caused by e. So a snapshot emitted by e reflects exactly the events and fills before e.
 */
public final class Portfolio implements Snapshottable {
    private static final int STATE_VERSION = 1;
    private static final StrategyId[] STRATEGIES = StrategyId.values();

    private final Universe universe;
    private final long interval;
    private final Holding[][] holdings;
    private final long[] twiceMid;
    private final long[] fills = new long[STRATEGIES.length];
    private boolean started;
    private long nextBoundary;

    public Portfolio(Universe universe, PortfolioConfig config) {
        this.universe = Objects.requireNonNull(universe, "universe");
        this.interval = config.sampleIntervalMicros();
        this.holdings = new Holding[STRATEGIES.length][universe.size()];
        for (Holding[] row : holdings) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new Holding();
            }
        }
        this.twiceMid = new long[universe.size()];
    }

    /**
     * Applies a fill to its strategy's account in its instrument and returns the new position, keyed
     * like the fill ({@code seq, symbol, sub}).
     */
    public PositionRecord onFill(FillEvent f) {
        Instrument in = universe.get(f.instrument());
        Holding h = holdings[f.strategy().ordinal()][in.id()];
        h.apply(in, f.signedQuantity(), f.price(), f.fee());
        fills[f.strategy().ordinal()]++;
        return new PositionRecord(f.seq(), f.symbol(), f.sub(), f.strategy(), in.id(), h.quantity, h.costBasis,
                h.averagePrice(in), h.realizedPnl, h.fees, h.cash);
    }

    /** Takes {@code e}'s mid as its instrument's mark (a trade changes nothing); emits no snapshot. */
    public void mark(MarketEvent e) {
        if (e.isBook()) {
            twiceMid[e.instrument()] = Math.addExact(e.bestBid(), e.bestAsk());
        }
    }

    /**
     * The figures of every strategy, indexed by {@link StrategyId} ordinal: {realized, unrealized, fees,
     * gross exposure, fills}, money units but the count. A portfolio that holds only some instruments
     * (a streaming task's) gives its share: the whole portfolio's figures are the sums of the shares.
     */
    public long[][] figures() {
        long[][] rows = new long[STRATEGIES.length][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = figures(s);
        }
        return rows;
    }

    /** Emits the snapshots of the boundaries {@code e} crosses, then takes its mid as the mark. */
    public void onMarketEvent(MarketEvent e, Consumer<PnlSnapshot> out) {
        onMarketEvent(e.seq(), e.timestampMicros(), e.instrument(), e.isBook(), e.bestBid(), e.bestAsk(), out);
    }

    /**
     * {@link #onMarketEvent(MarketEvent, Consumer)} for an event given by the only fields the portfolio reads,
     * for a caller that does not hold the whole event (the streaming portfolio task).
     *
     * @param seq the event's global sequence number
     * @param timestampMicros the event's time, microseconds since the epoch
     * @param instrument the event's instrument id
     * @param isBook whether the event carries a book (a quote or book update, not a trade)
     * @param bestBid raw best bid after the event (read only when {@code isBook})
     * @param bestAsk raw best ask after the event (read only when {@code isBook})
     */
    public void onMarketEvent(long seq, long timestampMicros, int instrument, boolean isBook, long bestBid,
                              long bestAsk, Consumer<PnlSnapshot> out) {
        long ts = timestampMicros;
        if (!started) {
            started = true;
            nextBoundary = boundaryAfter(ts);
        } else if (ts >= nextBoundary) {
            emit(seq, ts, out);
            nextBoundary = boundaryAfter(ts);
        }
        if (isBook) {
            twiceMid[instrument] = Math.addExact(bestBid, bestAsk);
        }
    }

    private long boundaryAfter(long ts) {
        return Math.multiplyExact(Math.floorDiv(ts, interval) + 1, interval);
    }

    private void emit(long seq, long ts, Consumer<PnlSnapshot> out) {
        long[][] rows = new long[STRATEGIES.length][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = figures(s);
        }
        long[] total = new long[5];
        for (long[] row : rows) {
            for (int k = 0; k < total.length; k++) {
                total[k] = Math.addExact(total[k], row[k]);
            }
        }
        int sub = 0;
        for (long b = nextBoundary; b <= ts; b += interval) {
            for (int s = 0; s < rows.length; s++) {
                out.accept(snapshot(seq, STRATEGIES[s].code(), sub, b, rows[s]));
            }
            out.accept(snapshot(seq, PnlSnapshot.TOTAL, sub, b, total));
            sub++;
        }
    }

    private static PnlSnapshot snapshot(long seq, String book, int sub, long boundary, long[] f) {
        long totalPnl = Math.subtractExact(Math.addExact(f[0], f[1]), f[2]);
        return new PnlSnapshot(seq, book, sub, boundary, f[0], f[1], f[2], totalPnl, f[3], f[4]);
    }

    /** {realized, unrealized, fees, gross exposure, fills} of strategy {@code s}. */
    private long[] figures(int s) {
        long[] f = new long[5];
        for (int i = 0; i < holdings[s].length; i++) {
            Holding h = holdings[s][i];
            f[0] = Math.addExact(f[0], h.realizedPnl);
            f[2] = Math.addExact(f[2], h.fees);
            if (h.quantity != 0 && twiceMid[i] != 0) {
                long marked = Holding.markedValue(universe.get(i), h.quantity, twiceMid[i]);
                f[1] = Math.addExact(f[1], Math.subtractExact(marked, h.costBasis));
                f[3] = Math.addExact(f[3], Math.abs(marked));
            }
        }
        f[4] = fills[s];
        return f;
    }

    private long sum(int index) {
        long t = 0;
        for (int s = 0; s < STRATEGIES.length; s++) {
            t = Math.addExact(t, figures(s)[index]);
        }
        return t;
    }

    /** Realized PnL of a strategy before fees, money units. */
    public long realizedPnl(StrategyId s) {
        return figures(s.ordinal())[0];
    }

    /** Unrealized PnL of a strategy's open positions at the current marks, money units. */
    public long unrealizedPnl(StrategyId s) {
        return figures(s.ordinal())[1];
    }

    /** Fees a strategy paid, money units. */
    public long fees(StrategyId s) {
        return figures(s.ordinal())[2];
    }

    /** Realized + unrealized - fees of a strategy, money units. */
    public long totalPnl(StrategyId s) {
        long[] f = figures(s.ordinal());
        return Math.subtractExact(Math.addExact(f[0], f[1]), f[2]);
    }

    /** Sum of |marked value| of a strategy's open positions, money units. */
    public long grossExposure(StrategyId s) {
        return figures(s.ordinal())[3];
    }

    /** Number of fills a strategy received. */
    public long fills(StrategyId s) {
        return fills[s.ordinal()];
    }

    /** Cash change of a strategy from all its fills and fees, money units. */
    public long cash(StrategyId s) {
        long t = 0;
        for (Holding h : holdings[s.ordinal()]) {
            t = Math.addExact(t, h.cash);
        }
        return t;
    }

    /** Realized PnL of the whole portfolio, money units. */
    public long realizedPnl() {
        return sum(0);
    }

    /** Unrealized PnL of the whole portfolio, money units. */
    public long unrealizedPnl() {
        return sum(1);
    }

    /** Fees of the whole portfolio, money units. */
    public long fees() {
        return sum(2);
    }

    /** Total PnL of the whole portfolio, money units: the sum of the strategies' {@link #totalPnl(StrategyId)}. */
    public long totalPnl() {
        long t = 0;
        for (StrategyId s : STRATEGIES) {
            t = Math.addExact(t, totalPnl(s));
        }
        return t;
    }

    /** Signed raw position of a strategy in an instrument. */
    public long quantity(StrategyId s, int instrument) {
        return holdings[s.ordinal()][instrument].quantity;
    }

    /** Cost basis of a strategy's position in an instrument, money units. */
    public long costBasis(StrategyId s, int instrument) {
        return holdings[s.ordinal()][instrument].costBasis;
    }

    /** Realized PnL of a strategy in an instrument, money units. */
    public long realizedPnl(StrategyId s, int instrument) {
        return holdings[s.ordinal()][instrument].realizedPnl;
    }

    /** Fees of a strategy in an instrument, money units. */
    public long fees(StrategyId s, int instrument) {
        return holdings[s.ordinal()][instrument].fees;
    }

    /** Cash change of a strategy from an instrument's fills, money units. */
    public long cash(StrategyId s, int instrument) {
        return holdings[s.ordinal()][instrument].cash;
    }

    /** The current mark of an instrument as {@code bid + ask} (twice the mid), 0 before its first book. */
    public long twiceMid(int instrument) {
        return twiceMid[instrument];
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_VERSION);
        out.writeInt(universe.size());
        out.writeBoolean(started);
        out.writeLong(nextBoundary);
        for (long m : twiceMid) {
            out.writeLong(m);
        }
        for (int s = 0; s < STRATEGIES.length; s++) {
            out.writeLong(fills[s]);
            for (Holding h : holdings[s]) {
                h.write(out);
            }
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        int version = in.readInt();
        int n = in.readInt();
        if (version != STATE_VERSION || n != universe.size()) {
            throw new IOException("portfolio state version " + version + " for " + n + " instruments cannot be read");
        }
        started = in.readBoolean();
        nextBoundary = in.readLong();
        for (int i = 0; i < n; i++) {
            twiceMid[i] = in.readLong();
        }
        for (int s = 0; s < STRATEGIES.length; s++) {
            fills[s] = in.readLong();
            for (Holding h : holdings[s]) {
                h.read(in);
            }
        }
    }
}
