package io.qps.schemas.mapping;

import io.qps.core.instrument.AssetClass;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.TradingHours;
import io.qps.core.market.ProgressMarker;
import io.qps.schemas.BookUpdate;
import io.qps.schemas.InstrumentSpec;
import io.qps.schemas.MarketEvent;
import io.qps.schemas.Progress;
import io.qps.schemas.ProgressKind;
import io.qps.schemas.Quote;
import io.qps.schemas.Side;
import io.qps.schemas.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * Market events, progress markers and instruments: core records to and from their Avro mirrors. A ticks topic holds
 * both events and markers in one {@link MarketEvent} union; {@link #isProgress} tells them apart.
 */
public final class MarketEventMapping {
    /** The {@code instrument} field of a progress marker: it belongs to no instrument. */
    public static final int NO_INSTRUMENT = -1;
    /** The {@code symbol} field of a progress marker. */
    public static final String NO_SYMBOL = "";

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

    /**
     * The core form of an Avro market event (its symbol is dropped: the core names instruments by id).
     *
     * @throws IllegalArgumentException if {@code e} is a progress marker (see {@link #isProgress}), not an event
     */
    public static io.qps.core.market.MarketEvent toCore(MarketEvent e) {
        Object payload = e.getPayload();
        if (payload instanceof Progress p) {
            throw new IllegalArgumentException("record with seq " + e.getSeq() + " is a " + p.getKind()
                    + " progress marker of partition " + p.getPartition() + ", not a market event: check"
                    + " MarketEventMapping.isProgress first and skip it, or read it with toProgress");
        }
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

    /** Whether {@code e} is a progress marker rather than a market event. */
    public static boolean isProgress(MarketEvent e) {
        return e.getPayload() instanceof Progress;
    }

    /**
     * The Avro form of a progress marker written to {@code partition}: its seq and time in the common fields,
     * instrument {@link #NO_INSTRUMENT}, symbol {@link #NO_SYMBOL}.
     */
    public static MarketEvent toAvro(ProgressMarker marker, int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, was " + partition);
        }
        return new MarketEvent(marker.seq(), marker.timestampMicros(), NO_INSTRUMENT, NO_SYMBOL,
                new Progress(ProgressKind.valueOf(marker.kind().name()), partition));
    }

    /**
     * The core form of a progress marker (the partition it was written to is {@link #partitionOf}).
     *
     * @throws IllegalArgumentException if {@code e} is a market event, not a marker
     */
    public static ProgressMarker toProgress(MarketEvent e) {
        if (!(e.getPayload() instanceof Progress p)) {
            throw new IllegalArgumentException("record with seq " + e.getSeq() + " is a market event, not a"
                    + " progress marker");
        }
        return new ProgressMarker(ProgressMarker.Kind.valueOf(p.getKind().name()), e.getSeq(), e.getTimestampMicros());
    }

    /**
     * The partition a progress marker says it was written to.
     *
     * @throws IllegalArgumentException if {@code e} is a market event, not a marker
     */
    public static int partitionOf(MarketEvent e) {
        if (!(e.getPayload() instanceof Progress p)) {
            throw new IllegalArgumentException("record with seq " + e.getSeq() + " is a market event, not a"
                    + " progress marker");
        }
        return p.getPartition();
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
