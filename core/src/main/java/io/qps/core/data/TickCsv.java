package io.qps.core.data;

import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Trade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Market data as CSV, the format {@link TickCsvImporter} reads and {@link #write} produces. One header line, then one
 * event per line, 12 columns, cells that do not apply left empty:
 * <pre>
 * ts,symbol,type,bid,bid_size,ask,ask_size,price,size,side,bids,asks
 * 2024-01-01T14:30:00.000125Z,XOM,Q,101.23,300,101.25,200,,,,,
 * 2024-01-01T14:30:00.5Z,XOM,T,,,,,101.25,100,BUY,,
 * 1704119400000250,ES,B,,,,,,,,4750.25:12;4750.00:30,4750.50:9;4750.75:41
 * </pre>
 * <ul>
 *   <li>{@code ts}: an ISO-8601 instant ({@code Z} or an offset; at most microsecond precision) or whole
 *       microseconds since the Unix epoch;</li>
 *   <li>{@code symbol}: an instrument of the universe (the instruments file);</li>
 *   <li>{@code type}: {@code Q} top-of-book quote ({@code bid, bid_size, ask, ask_size}), {@code T} trade printed on
 *       the market ({@code price, size, side} = the aggressor, {@code BUY} or {@code SELL}), {@code B} L2 book
 *       snapshot ({@code bids}, {@code asks}: levels {@code price:size} separated by {@code ;}, best first), for
 *       instruments with depth only;</li>
 *   <li>prices and sizes are decimals in the instrument's units, with at most its price / quantity decimals, on its
 *       tick and in whole lots; they are converted exactly to raw fixed-point values (never through binary floating
 *       point).</li>
 * </ul>
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class TickCsv {
    /** The header line. */
    public static final String HEADER = "ts,symbol,type,bid,bid_size,ask,ask_size,price,size,side,bids,asks";
    /** Number of columns of every line. */
    public static final int COLUMNS = 12;

    private TickCsv() {
    }

    /** Writes the header and one line per event, {@code \n} line ends. */
    public static void write(Iterable<? extends MarketEvent> events, Universe universe, Writer out) {
        try {
            out.write(HEADER);
            out.write('\n');
            for (MarketEvent e : events) {
                out.write(line(e, universe));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
    }

    /** One event as a CSV line (no line end); the time is ISO-8601 UTC. */
    public static String line(MarketEvent e, Universe universe) {
        Instrument in = universe.get(e.instrument());
        String head = iso(e.timestampMicros()) + "," + in.symbol() + ",";
        if (e instanceof Quote q) {
            return head + "Q," + in.formatPrice(q.bidPrice()) + "," + in.formatQty(q.bidSize()) + ","
                    + in.formatPrice(q.askPrice()) + "," + in.formatQty(q.askSize()) + ",,,,,";
        } else if (e instanceof Trade t) {
            return head + "T,,,,," + in.formatPrice(t.price()) + "," + in.formatQty(t.size()) + "," + t.aggressor()
                    + ",,";
        }
        BookUpdate b = (BookUpdate) e;
        return head + "B,,,,,,,," + levels(in, b.bidPrices(), b.bidSizes()) + ","
                + levels(in, b.askPrices(), b.askSizes());
    }

    /** Microseconds since the epoch as an ISO-8601 UTC instant ({@code 2024-01-01T00:00:00.134203Z}). */
    public static String iso(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
                .toString();
    }

    private static String levels(Instrument in, long[] prices, long[] sizes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < prices.length; i++) {
            sb.append(i == 0 ? "" : ";").append(in.formatPrice(prices[i])).append(':').append(in.formatQty(sizes[i]));
        }
        return sb.toString();
    }
}
