package io.qps.core.execution;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Money;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.Arrays;
import java.util.List;

/**
 * The fill rules of one instrument, applied to its working orders for one market event. Owned by
 * {@link InstrumentExecution}; see there for the rules. Orders are visited in placement order, so
 * that liquidity one of our orders takes is gone for the next one in the same event.
 */
final class Matching {
    private final Instrument instrument;
    private final FeeSchedule fees;
    private final List<WorkingOrder> orders;
    private final long[] positions;
    /** Raw quantity our orders took from each level of the current book event, per side (bids, asks). */
    private long[][] consumed = new long[2][8];
    private int fillSub;
    private long tradeUsedBuy;
    private long tradeUsedSell;

    Matching(Instrument instrument, FeeSchedule fees, List<WorkingOrder> orders, long[] positions) {
        this.instrument = instrument;
        this.fees = fees;
        this.orders = orders;
        this.positions = positions;
    }

    /** Applies {@code e} to every working order in placement order, then drops the filled ones. */
    void onEvent(MarketEvent e, ExecutionListener out) {
        fillSub = 0;
        tradeUsedBuy = 0;
        tradeUsedSell = 0;
        boolean book = e.isBook();
        if (book) {
            resetConsumed(e);
        }
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder o = orders.get(i);
            if (o.phase == WorkingOrder.Phase.PENDING) {
                if (e.seq() <= o.causeSeq || e.timestampMicros() < o.activeFromMicros) {
                    continue;
                }
                o.phase = WorkingOrder.Phase.ACTIVE;
            }
            if (o.phase == WorkingOrder.Phase.ACTIVE) {
                if (book) {
                    enter(o, e, out);
                }
            } else if (book) {
                restingOnBook(o, e, out);
            } else {
                restingOnTrade(o, (Trade) e, out);
            }
        }
        orders.removeIf(o -> o.remaining == 0);
    }

    private void resetConsumed(MarketEvent e) {
        int n = Math.max(Books.levels(e, Side.BUY), Books.levels(e, Side.SELL));
        if (consumed[0].length < n) {
            consumed = new long[2][n];
        } else {
            Arrays.fill(consumed[0], 0, n, 0L);
            Arrays.fill(consumed[1], 0, n, 0L);
        }
    }

    /** An active order meets a book: a market order takes; a limit order takes if marketable, then rests. */
    private void enter(WorkingOrder o, MarketEvent book, ExecutionListener out) {
        take(o, book, out);
        if (o.type == OrderType.LIMIT && o.remaining > 0) {
            o.phase = WorkingOrder.Phase.RESTING;
            o.queueAhead = Math.max(0L, Books.visibleSize(book, o.side, o.limitPrice));
        }
    }

    /** Takes the opposite side level by level (capped at the limit price), whole lots only. */
    private void take(WorkingOrder o, MarketEvent book, ExecutionListener out) {
        Side bookSide = o.side.opposite();
        long[] used = consumed[bookSide.ordinal()];
        int n = Books.levels(book, bookSide);
        for (int level = 0; level < n && o.remaining > 0; level++) {
            long price = Books.price(book, bookSide, level);
            if (!o.marketable(price)) {
                break;
            }
            long available = Books.size(book, bookSide, level) - used[level];
            long qty = instrument.floorLots(Math.min(available, o.remaining));
            if (qty > 0) {
                used[level] += qty;
                fill(o, qty, price, Liquidity.TAKER, book, out);
            }
        }
    }

    /** A resting limit order and a new book: fill the rest if the opposite best crosses, else trim the queue. */
    private void restingOnBook(WorkingOrder o, MarketEvent book, ExecutionListener out) {
        if (o.marketable(Books.price(book, o.side.opposite(), 0))) {
            fill(o, o.remaining, o.limitPrice, Liquidity.MAKER, book, out);
            return;
        }
        long visible = Books.visibleSize(book, o.side, o.limitPrice);
        if (visible != Books.UNKNOWN && visible < o.queueAhead) {
            o.queueAhead = visible;
        }
    }

    /** A resting limit order and a market trade: through the price fills the rest; at the price, the queue. */
    private void restingOnTrade(WorkingOrder o, Trade t, ExecutionListener out) {
        long price = t.price();
        boolean through = o.side == Side.BUY ? price < o.limitPrice : price > o.limitPrice;
        if (through) {
            fill(o, o.remaining, o.limitPrice, Liquidity.MAKER, t, out);
            return;
        }
        if (price != o.limitPrice) {
            return;
        }
        long used = o.side == Side.BUY ? tradeUsedBuy : tradeUsedSell;
        long volume = Math.max(0L, t.size() - used);
        long excess = volume - o.queueAhead;
        o.queueAhead = Math.max(0L, o.queueAhead - volume);
        if (excess <= 0) {
            return;
        }
        long qty = instrument.floorLots(Math.min(excess, o.remaining));
        if (qty > 0) {
            if (o.side == Side.BUY) {
                tradeUsedBuy += qty;
            } else {
                tradeUsedSell += qty;
            }
            fill(o, qty, o.limitPrice, Liquidity.MAKER, t, out);
        }
    }

    private void fill(WorkingOrder o, long qty, long price, Liquidity liquidity, MarketEvent e,
                      ExecutionListener out) {
        long fee = Money.feeOf(instrument.notional(price, qty), fees.rate(instrument.assetClass(), liquidity));
        o.remaining = Math.subtractExact(o.remaining, qty);
        int s = o.strategy.ordinal();
        positions[s] = Math.addExact(positions[s], o.side.sign() * qty);
        out.onFill(new FillEvent(e.seq(), instrument.symbol(), fillSub++, e.timestampMicros(), o.strategy,
                instrument.id(), o.orderId, o.side, qty, price, liquidity, fee, o.remaining, o.causeSeq));
    }
}
