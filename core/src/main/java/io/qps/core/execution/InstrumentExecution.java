package io.qps.core.execution;

import io.qps.core.instrument.Instrument;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.state.Snapshottable;
import io.qps.core.strategy.StrategyId;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The execution of one instrument for all strategies: the single writer of its orders, fills and
 * filled positions. Feed it the instrument's market events and the strategies' targets in {@code seq}
 * order (the targets caused by event S after event S itself); it reports to the listener, in the order
 * they happen, every order event, fill and rejection.
 *
 * <h2>Targets to orders</h2>
 * Per strategy the execution knows the filled position P and the strategy's working orders. On a target
 * T: if T equals the strategy's last accepted target (quantity, type and limit price) and an order of
 * the strategy is still working, nothing happens. Otherwise T is validated; if T is rejected a
 * {@link RejectEvent} is emitted and nothing else changes. An accepted T cancels the strategy's working
 * orders ({@link OrderEvent.Action#CANCELED}, with the remaining quantity) and, if T differs from P,
 * places one order for T - P (MARKET, or LIMIT at the target's price). A target equal to P places no
 * order, so it is not validated. Order ids are {@code strategyCode:SYMBOL:causeSeq:sub}; order events and
 * rejections of one cause are numbered {@code sub} 0, 1, 2 ... per (cause seq, strategy, instrument).
 *
 * <h2>Validation</h2>
 * In this order: T not a whole number of lots: {@link RejectReason#BAD_QUANTITY}; a LIMIT price not
 * positive or off tick: {@link RejectReason#BAD_PRICE}; no quote or book seen yet:
 * {@link RejectReason#NO_MARKET_DATA}; |T| valued at the limit price (MARKET: at the current mid,
 * computed exactly as {@code notional(bid + ask, T) / 2}) above {@code maxPositionNotional}:
 * {@link RejectReason#RISK_LIMIT}.
 *
 * <h2>No look-ahead</h2>
 * An order caused by event S at time t becomes active at the first event of this instrument with
 * {@code seq > S} and {@code timestampMicros >= t + latencyMicros}. It enters the book at the first
 * book event (quote or L2 update) from its activation on, against that event's book.
 *
 * <h2>Fill rules</h2>
 * <ul>
 *   <li>A market order takes the opposite side level by level at each level's price and size; what
 *       exceeds the visible depth stays working and takes again on later book events. TAKER.</li>
 *   <li>A limit order that is marketable when it enters the book takes like a market order capped at
 *       its price (TAKER); the rest rests with a queue position: the visible size at its price on its
 *       side of that book (0 if inside the spread or not a visible level).</li>
 *   <li>A trade at a resting order's price first reduces the queue ahead by the trade size; the excess
 *       fills the order (MAKER, at the limit price). A trade through the price fills the rest. A book
 *       whose opposite best reaches the limit fills the rest at the limit price (MAKER). A book whose
 *       visible size at the price is below the queue ahead shrinks the queue to it (a price beyond
 *       the visible depth leaves the queue as it is).</li>
 *   <li>Orders are visited in placement (causal key) order: liquidity or trade volume one of our orders
 *       used in an event is not available to the next. Fill quantities are whole lots.</li>
 *   <li>Fees: {@code Money.feeOf(instrument.notional(price, qty), fees.rate(class, liquidity))}. Fills of
 *       one market event are numbered {@code sub} 0, 1, 2 ...</li>
 * </ul>
 * An event with no working order costs O(1) and allocates nothing.
 */
public final class InstrumentExecution implements Snapshottable {
    private static final int STATE_VERSION = 1;
    private static final int STRATEGIES = StrategyId.values().length;

    private final Instrument instrument;
    private final ExecutionConfig config;
    private final List<WorkingOrder> orders = new ArrayList<>();
    private final long[] positions = new long[STRATEGIES];
    private final boolean[] hasLastTarget = new boolean[STRATEGIES];
    private final long[] lastQuantity = new long[STRATEGIES];
    private final OrderType[] lastType = new OrderType[STRATEGIES];
    private final long[] lastLimit = new long[STRATEGIES];
    private final long[] subSeq = new long[STRATEGIES];
    private final int[] nextSub = new int[STRATEGIES];
    private final Matching matching;
    private MarketEvent lastBook;

    public InstrumentExecution(Instrument instrument, ExecutionConfig config) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.config = Objects.requireNonNull(config, "config");
        this.matching = new Matching(instrument, config.fees(), orders, positions);
        Arrays.fill(subSeq, -1L);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Handles a strategy's target for this instrument ({@code target.instrument() == instrument().id()}). */
    public void onTarget(TargetPosition target, ExecutionListener out) {
        if (target.instrument() != instrument.id()) {
            throw new IllegalArgumentException("target for instrument " + target.instrument() + " sent to "
                    + instrument.symbol());
        }
        int s = target.strategy().ordinal();
        if (hasLastTarget[s] && lastQuantity[s] == target.quantity() && lastType[s] == target.type()
                && lastLimit[s] == target.limitPrice() && hasWorking(target.strategy())) {
            return;
        }
        long delta = Math.subtractExact(target.quantity(), positions[s]);
        if (delta != 0) {
            RejectReason reason = validate(target);
            if (reason != null) {
                int sub = nextSub(s, target.causeSeq());
                out.onReject(new RejectEvent(target.causeSeq(), target.strategy(), instrument.symbol(), sub,
                        orderId(target, sub), Side.of(delta), Math.abs(delta), target.type(), target.limitPrice(),
                        reason));
                return;
            }
        }
        cancelWorking(target, out);
        if (delta != 0) {
            place(target, delta, out);
        }
        hasLastTarget[s] = true;
        lastQuantity[s] = target.quantity();
        lastType[s] = target.type();
        lastLimit[s] = target.limitPrice();
    }

    /** Handles the next market event of this instrument ({@code event.instrument() == instrument().id()}). */
    public void onMarketEvent(MarketEvent event, ExecutionListener out) {
        if (event.instrument() != instrument.id()) {
            throw new IllegalArgumentException("event " + event.seq() + " of instrument " + event.instrument()
                    + " sent to " + instrument.symbol());
        }
        if (event.isBook()) {
            lastBook = event;
        }
        if (!orders.isEmpty()) {
            matching.onEvent(event, out);
        }
    }

    /** The strategy's filled position, signed raw quantity. */
    public long position(StrategyId strategy) {
        return positions[strategy.ordinal()];
    }

    /** The number of orders working (pending, active or resting), all strategies. */
    public int workingOrders() {
        return orders.size();
    }

    private boolean hasWorking(StrategyId strategy) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).strategy == strategy) {
                return true;
            }
        }
        return false;
    }

    private RejectReason validate(TargetPosition t) {
        if (t.quantity() % instrument.lotSize() != 0) {
            return RejectReason.BAD_QUANTITY;
        }
        if (t.type() == OrderType.LIMIT && !instrument.isOnTick(t.limitPrice())) {
            return RejectReason.BAD_PRICE;
        }
        if (lastBook == null) {
            return RejectReason.NO_MARKET_DATA;
        }
        return exceedsRisk(t) ? RejectReason.RISK_LIMIT : null;
    }

    private boolean exceedsRisk(TargetPosition t) {
        long max = config.maxPositionNotional();
        try {
            if (t.type() == OrderType.LIMIT) {
                return Math.abs(instrument.notional(t.limitPrice(), t.quantity())) > max;
            }
            long twiceMid = Math.addExact(lastBook.bestBid(), lastBook.bestAsk());
            return Math.abs(instrument.notional(twiceMid, t.quantity())) > Math.multiplyExact(2L, max);
        } catch (ArithmeticException overflow) {
            return true;
        }
    }

    private void cancelWorking(TargetPosition t, ExecutionListener out) {
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder o = orders.get(i);
            if (o.strategy == t.strategy()) {
                orders.remove(i--);
                out.onOrder(new OrderEvent(t.causeSeq(), t.strategy(), instrument.symbol(),
                        nextSub(o.strategy.ordinal(), t.causeSeq()), OrderEvent.Action.CANCELED, o.orderId,
                        o.side, o.remaining, o.type, o.limitPrice, o.activeFromMicros));
            }
        }
    }

    private void place(TargetPosition t, long delta, ExecutionListener out) {
        int sub = nextSub(t.strategy().ordinal(), t.causeSeq());
        String id = orderId(t, sub);
        long activeFrom = Math.addExact(t.causeTimestampMicros(), config.latencyMicros());
        long limit = t.type() == OrderType.LIMIT ? t.limitPrice() : 0L;
        WorkingOrder o = new WorkingOrder(id, t.strategy(), Side.of(delta), t.type(), limit, t.causeSeq(), sub,
                activeFrom, Math.abs(delta), WorkingOrder.Phase.PENDING, 0L);
        int at = orders.size();
        while (at > 0 && orders.get(at - 1).compareTo(o) > 0) {
            at--;
        }
        orders.add(at, o);
        out.onOrder(new OrderEvent(t.causeSeq(), t.strategy(), instrument.symbol(), sub, OrderEvent.Action.PLACED,
                id, o.side, o.remaining, o.type, limit, activeFrom));
    }

    private int nextSub(int strategy, long causeSeq) {
        if (subSeq[strategy] != causeSeq) {
            subSeq[strategy] = causeSeq;
            nextSub[strategy] = 0;
        }
        return nextSub[strategy]++;
    }

    private String orderId(TargetPosition t, int sub) {
        return t.strategy().code() + ":" + instrument.symbol() + ":" + t.causeSeq() + ":" + sub;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_VERSION);
        out.writeInt(instrument.id());
        Books.write(out, lastBook);
        for (int s = 0; s < STRATEGIES; s++) {
            out.writeLong(positions[s]);
            out.writeBoolean(hasLastTarget[s]);
            out.writeLong(lastQuantity[s]);
            out.writeByte(lastType[s] == null ? -1 : lastType[s].ordinal());
            out.writeLong(lastLimit[s]);
            out.writeLong(subSeq[s]);
            out.writeInt(nextSub[s]);
        }
        out.writeInt(orders.size());
        for (WorkingOrder o : orders) {
            o.write(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        int version = in.readInt();
        int id = in.readInt();
        if (version != STATE_VERSION || id != instrument.id()) {
            throw new IOException("state of version " + version + " / instrument " + id + " cannot be read by "
                    + instrument.symbol() + " version " + STATE_VERSION);
        }
        lastBook = Books.read(in);
        for (int s = 0; s < STRATEGIES; s++) {
            positions[s] = in.readLong();
            hasLastTarget[s] = in.readBoolean();
            lastQuantity[s] = in.readLong();
            int type = in.readByte();
            lastType[s] = type < 0 ? null : OrderType.values()[type];
            lastLimit[s] = in.readLong();
            subSeq[s] = in.readLong();
            nextSub[s] = in.readInt();
        }
        int n = in.readInt();
        orders.clear();
        for (int i = 0; i < n; i++) {
            orders.add(WorkingOrder.read(in));
        }
    }
}
