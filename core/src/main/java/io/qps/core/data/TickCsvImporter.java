package io.qps.core.data;

import io.qps.core.instrument.Fixed;
import io.qps.core.instrument.Instrument;
import io.qps.core.instrument.Universe;
import io.qps.core.market.BookUpdate;
import io.qps.core.market.MarketEvent;
import io.qps.core.market.Quote;
import io.qps.core.market.Side;
import io.qps.core.market.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a dataset from market data in {@link TickCsv} form. Events are ordered by time, then instrument id, then
 * line number (so lines of one instrument at one microsecond keep their file order), and numbered {@code seq} 1, 2,
 * ... in that order: the dataset order of the replication contract. The whole file is parsed and checked before
 * anything is written; bad lines are collected (up to {@link #MAX_ERRORS}) and reported together, and then no
 * dataset is written at all. The header records seed 0 and density 1.0 (nothing was simulated), the start of the
 * first event's UTC day as the start, and the days the data spans. Memory: every event is held until sorted.
 */
public final class TickCsvImporter {
    /** Bad lines reported at most; the count of the rest is given. */
    public static final int MAX_ERRORS = 20;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Universe universe;
    private final List<Pending> pending = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private long errorCount;

    /** A parsed event before it has its seq. */
    private record Pending(long line, MarketEvent event) {
    }

    private TickCsvImporter(Universe universe) {
        this.universe = universe;
    }

    /** The events of {@code csv} in dataset order, seq from 1; a {@link TickCsvException} lists the bad lines. */
    public static List<MarketEvent> read(Reader csv, Universe universe, String source) {
        TickCsvImporter importer = new TickCsvImporter(universe);
        importer.parse(csv, source);
        return importer.ordered();
    }

    /** Imports {@code csv} into the dataset file {@code out} (written whole or not at all) and returns its summary. */
    public static DatasetSummary importFile(Path csv, Universe universe, Path out) {
        List<MarketEvent> events;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            events = read(reader, universe, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
        if (events.isEmpty()) {
            throw new TickCsvException(csv + ": no events", List.of());
        }
        long start = Math.floorDiv(events.get(0).timestampMicros(), MICROS_PER_DAY) * MICROS_PER_DAY;
        long last = events.get(events.size() - 1).timestampMicros();
        int days = Math.toIntExact(Math.floorDiv(last - start, MICROS_PER_DAY) + 1);
        DatasetHeader header = new DatasetHeader(DatasetHeader.FORMAT_VERSION, 0, days, start, 1.0, universe.all());
        try (DatasetWriter writer = DatasetWriter.create(out, header)) {
            for (MarketEvent e : events) {
                writer.write(e);
            }
            return writer.finish();
        }
    }

    private void parse(Reader csv, String source) {
        try (BufferedReader lines = new BufferedReader(csv)) {
            long number = 0;
            boolean header = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.equals(TickCsv.HEADER)) {
                        error(number, "expected the header '" + TickCsv.HEADER + "'");
                        throw failure(source);
                    }
                    header = true;
                    continue;
                }
                try {
                    pending.add(new Pending(number, event(text.split(",", -1))));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    error(number, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (errorCount > 0) {
            throw failure(source);
        }
    }

    private List<MarketEvent> ordered() {
        pending.sort(Comparator.comparingLong((Pending p) -> p.event().timestampMicros())
                .thenComparingInt(p -> p.event().instrument()).thenComparingLong(Pending::line));
        List<MarketEvent> events = new ArrayList<>(pending.size());
        long seq = 0;
        for (Pending p : pending) {
            events.add(withSeq(p.event(), ++seq));
        }
        return events;
    }

    private MarketEvent event(String[] c) {
        if (c.length != TickCsv.COLUMNS) {
            throw new IllegalArgumentException(c.length + " columns, expected " + TickCsv.COLUMNS + " (" + TickCsv.HEADER
                    + ")");
        }
        long ts = timestamp(c[0].strip());
        Instrument in = universe.bySymbol(c[1].strip()).orElseThrow(() -> new IllegalArgumentException(
                "unknown symbol '" + c[1].strip() + "' (not in the instruments file)"));
        String type = c[2].strip();
        switch (type) {
            case "Q" -> {
                requireEmpty(c, 7, 8, 9, 10, 11);
                long bid = price(in, c[3], "bid");
                long ask = price(in, c[5], "ask");
                if (bid >= ask) {
                    throw new IllegalArgumentException("bid " + c[3].strip() + " is not below ask " + c[5].strip());
                }
                return new Quote(0, ts, in.id(), bid, qty(in, c[4], "bid_size"), ask, qty(in, c[6], "ask_size"));
            }
            case "T" -> {
                requireEmpty(c, 3, 4, 5, 6, 10, 11);
                String side = c[9].strip();
                if (!side.equals("BUY") && !side.equals("SELL")) {
                    throw new IllegalArgumentException("side '" + side + "': expected BUY or SELL (the aggressor)");
                }
                return new Trade(0, ts, in.id(), price(in, c[7], "price"), qty(in, c[8], "size"), Side.valueOf(side));
            }
            case "B" -> {
                requireEmpty(c, 3, 4, 5, 6, 7, 8, 9);
                if (!in.hasDepth()) {
                    throw new IllegalArgumentException(in.symbol() + " has no depth (depth=false): use Q lines");
                }
                long[][] bids = levels(in, c[10], "bids", -1);
                long[][] asks = levels(in, c[11], "asks", 1);
                if (bids[0][0] >= asks[0][0]) {
                    throw new IllegalArgumentException("best bid is not below best ask");
                }
                return new BookUpdate(0, ts, in.id(), bids[0], bids[1], asks[0], asks[1]);
            }
            default -> throw new IllegalArgumentException("type '" + type + "': expected Q, T or B");
        }
    }

    private static long timestamp(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ts '" + text + "': expected an ISO-8601 instant such as"
                    + " 2024-01-01T14:30:00.000125Z or epoch microseconds");
        }
        if (t.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("ts '" + text + "' is finer than a microsecond");
        }
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static long price(Instrument in, String cell, String name) {
        long p = decimal(cell, in.priceDecimals(), name);
        if (!in.isOnTick(p)) {
            throw new IllegalArgumentException(name + " " + cell.strip() + " is not a positive multiple of the tick "
                    + in.formatPrice(in.tickSize()));
        }
        return p;
    }

    private static long qty(Instrument in, String cell, String name) {
        long q = decimal(cell, in.qtyDecimals(), name);
        if (q <= 0 || !in.isWholeLots(q)) {
            throw new IllegalArgumentException(name + " " + cell.strip() + " is not a positive multiple of the lot "
                    + in.formatQty(in.lotSize()));
        }
        return q;
    }

    private static long decimal(String cell, int decimals, String name) {
        try {
            return Fixed.parse(cell, decimals);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + cell.strip() + "': expected a decimal with at most "
                    + decimals + " places");
        }
    }

    /** Levels "p:s;p:s" best first; {@code direction} -1: prices must fall, +1: rise. */
    private static long[][] levels(Instrument in, String cell, String name, int direction) {
        String text = cell.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty: a book needs at least one level each side");
        }
        String[] parts = text.split(";", -1);
        long[] prices = new long[parts.length];
        long[] sizes = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] ps = parts[i].split(":", -1);
            if (ps.length != 2) {
                throw new IllegalArgumentException(name + " level " + (i + 1) + " '" + parts[i] + "': expected price:size");
            }
            prices[i] = price(in, ps[0], name + " price");
            sizes[i] = qty(in, ps[1], name + " size");
            if (i > 0 && Long.compare(prices[i], prices[i - 1]) != direction) {
                throw new IllegalArgumentException(name + " level " + (i + 1) + " price " + ps[0].strip()
                        + (direction < 0 ? " is not below" : " is not above") + " the level before");
            }
        }
        return new long[][] {prices, sizes};
    }

    private static void requireEmpty(String[] c, int... columns) {
        String[] names = TickCsv.HEADER.split(",");
        for (int i : columns) {
            if (!c[i].isBlank()) {
                throw new IllegalArgumentException(names[i] + " must be empty for type " + c[2].strip());
            }
        }
    }

    private static MarketEvent withSeq(MarketEvent e, long seq) {
        if (e instanceof Quote q) {
            return new Quote(seq, q.timestampMicros(), q.instrument(), q.bidPrice(), q.bidSize(), q.askPrice(),
                    q.askSize());
        } else if (e instanceof Trade t) {
            return new Trade(seq, t.timestampMicros(), t.instrument(), t.price(), t.size(), t.aggressor());
        }
        BookUpdate b = (BookUpdate) e;
        return new BookUpdate(seq, b.timestampMicros(), b.instrument(), b.bidPrices(), b.bidSizes(), b.askPrices(),
                b.askSizes());
    }

    private void error(long line, String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add("line " + line + ": " + message);
        }
    }

    private TickCsvException failure(String source) {
        String more = errorCount > errors.size() ? " (first " + errors.size() + " shown)" : "";
        return new TickCsvException(source + ": " + errorCount + " bad line" + (errorCount == 1 ? "" : "s") + more
                + ", nothing written", errors);
    }
}
