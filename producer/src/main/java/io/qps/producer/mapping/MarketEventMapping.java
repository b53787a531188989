package io.qps.producer.mapping;

import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts market events between the core ({@link MarketEvent}) and the Avro value of a ticks topic
 * ({@link io.qps.schemas.MarketEvent}), both ways and exactly: every field keeps its raw fixed-point value, so
 * {@code toCore(toAvro(e)).equals(e)} for every event. The Avro record also carries the instrument's symbol (the
 * Kafka key), taken from the session's universe.
 */
public final class MarketEventMapping {
    private final Universe universe;

    /** @param universe the session's instruments; an event's {@code instrument} id indexes it */
    public MarketEventMapping(Universe universe) {
        this.universe = universe;
    }

    /** The symbol of instrument {@code id} (the record key of its events). */
    public String symbol(int id) {
        if (id < 0 || id >= universe.size()) {
            throw new IllegalArgumentException("instrument id " + id + " is outside the universe of "
                    + universe.size() + " instruments");
        }
        return universe.all().get(id).symbol();
    }

    /** The Avro record of {@code event}, with the instrument's symbol. */
    public io.qps.schemas.MarketEvent toAvro(MarketEvent event) {
        Object payload;
        if (event instanceof Quote q) {
            payload = new io.qps.schemas.Quote(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize());
        } else if (event instanceof Trade t) {
            payload = new io.qps.schemas.Trade(t.price(), t.size(), toAvro(t.aggressor()));
        } else {
            BookUpdate b = (BookUpdate) event;
            payload = new io.qps.schemas.BookUpdate(list(b.bidPrices()), list(b.bidSizes()),
                    list(b.askPrices()), list(b.askSizes()));
        }
        return new io.qps.schemas.MarketEvent(event.seq(), event.timestampMicros(), event.instrument(),
                symbol(event.instrument()), payload);
    }

    /**
     * The core event of an Avro record.
     *
     * @throws IllegalArgumentException if the payload is not a quote, trade or book update
     */
    public static MarketEvent toCore(io.qps.schemas.MarketEvent avro) {
        long seq = avro.getSeq();
        long ts = avro.getTimestampMicros();
        int instrument = avro.getInstrument();
        Object payload = avro.getPayload();
        if (payload instanceof io.qps.schemas.Quote q) {
            return new Quote(seq, ts, instrument, q.getBidPrice(), q.getBidSize(), q.getAskPrice(), q.getAskSize());
        }
        if (payload instanceof io.qps.schemas.Trade t) {
            return new Trade(seq, ts, instrument, t.getPrice(), t.getSize(), toCore(t.getAggressor()));
        }
        if (payload instanceof io.qps.schemas.BookUpdate b) {
            return new BookUpdate(seq, ts, instrument, array(b.getBidPrices()), array(b.getBidSizes()),
                    array(b.getAskPrices()), array(b.getAskSizes()));
        }
        throw new IllegalArgumentException("market event " + seq + " has an unknown payload "
                + (payload == null ? "null" : payload.getClass().getName()));
    }

    static io.qps.schemas.Side toAvro(Side side) {
        return side == Side.BUY ? io.qps.schemas.Side.BUY : io.qps.schemas.Side.SELL;
    }

    static Side toCore(io.qps.schemas.Side side) {
        return side == io.qps.schemas.Side.BUY ? Side.BUY : Side.SELL;
    }

    private static List<Long> list(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    private static long[] array(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
