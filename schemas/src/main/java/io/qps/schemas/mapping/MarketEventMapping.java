package io.qps.schemas.mapping;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.TradingHours;
import io.qps.schemas.BookUpdate;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.Quote;
import io.qps.schemas.Side;
import io.qps.schemas.Trade;
import java.util.ArrayList;
import java.util.List;

/** Market events and instruments: core records to and from their Avro mirrors. */
public final class MarketEventMapping {
    private MarketEventMapping() {
    }

    /** The Avro form of a core market event of the instrument named {@code symbol}. */
    public static MarketEvent toAvro(io.qps.core.market.MarketEvent event, String symbol) {
        Object payload;
        if (event instanceof io.qps.core.market.Quote q) {
            payload = new Quote(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize());
        } else if (event instanceof io.qps.core.market.Trade t) {
            payload = new Trade(t.price(), t.size(), Side.valueOf(t.aggressor().name()));
        } else if (event instanceof io.qps.core.market.BookUpdate b) {
            payload = new BookUpdate(list(b.bidPrices()), list(b.bidSizes()), list(b.askPrices()), list(b.askSizes()));
        } else {
            throw new IllegalArgumentException("unknown market event " + event);
        }
        return new MarketEvent(event.seq(), event.timestampMicros(), event.instrument(), symbol, payload);
    }

    /** The core form of an Avro market event (its symbol is dropped: the core names instruments by id). */
    public static io.qps.core.market.MarketEvent toCore(MarketEvent e) {
        Object payload = e.getPayload();
        if (payload instanceof Quote q) {
            return new io.qps.core.market.Quote(e.getSeq(), e.getTimestampMicros(), e.getInstrument(),
                    q.getBidPrice(), q.getBidSize(), q.getAskPrice(), q.getAskSize());
        }
        if (payload instanceof Trade t) {
            return new io.qps.core.market.Trade(e.getSeq(), e.getTimestampMicros(), e.getInstrument(), t.getPrice(),
                    t.getSize(), io.qps.core.market.Side.valueOf(t.getAggressor().name()));
        }
        if (payload instanceof BookUpdate b) {
            return new io.qps.core.market.BookUpdate(e.getSeq(), e.getTimestampMicros(), e.getInstrument(),
                    array(b.getBidPrices()), array(b.getBidSizes()), array(b.getAskPrices()), array(b.getAskSizes()));
        }
        throw new IllegalArgumentException("market event " + e.getSeq() + " has no known payload: " + payload);
    }

    /** The manifest form of an instrument. */
    public static InstrumentSpec toAvro(Instrument i) {
        return new InstrumentSpec(i.id(), i.symbol(), i.assetClass().name(), i.priceDecimals(), i.qtyDecimals(),
                i.tickSize(), i.lotSize(), i.multiplier(), i.quoteCurrency(), i.hasDepth(), i.hours().name());
    }

    /** The instrument a manifest entry describes. */
    public static Instrument toCore(InstrumentSpec s) {
        return new Instrument(s.getId(), s.getSymbol(), AssetClass.valueOf(s.getAssetClass()), s.getPriceDecimals(),
                s.getQtyDecimals(), s.getTickSize(), s.getLotSize(), s.getMultiplier(), s.getQuoteCurrency(),
                s.getHasDepth(), TradingHours.valueOf(s.getHours()));
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
