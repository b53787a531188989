package io.qps.core.instrument;

import io.qps.core.config.KeyValueFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Universe} as a text file ({@link KeyValueFile} lines): {@code instruments} lists the symbols in id order,
 * then every symbol has all of these keys (no defaults):
 * <pre>
 * instruments=BTC-USD,ES
 * BTC-USD.asset_class=CRYPTO       # CRYPTO, EQUITY, FX, FUTURE
 * BTC-USD.price_decimals=2         # decimal places of a price
 * BTC-USD.qty_decimals=4           # decimal places of a quantity
 * BTC-USD.tick=0.01                # minimum price step, a decimal with at most price_decimals places
 * BTC-USD.lot=0.0001               # minimum quantity step, at most qty_decimals places
 * BTC-USD.multiplier=1             # contract multiplier, whole number
 * BTC-USD.currency=USD
 * BTC-USD.depth=true               # publishes L2 books (true) or top-of-book quotes (false)
 * BTC-USD.hours=ALWAYS             # ALWAYS, FX_WEEK, US_EQUITY, FUTURES (UTC, see TradingHours)
 * </pre>
 * A symbol may not contain {@code .}, {@code ,} or spaces. Errors name the source, the line and the key.
 */
public final class UniverseFile {
    private static final List<String> FIELDS = List.of("asset_class", "price_decimals", "qty_decimals", "tick", "lot",
            "multiplier", "currency", "depth", "hours");

    private UniverseFile() {
    }

    /** The universe in {@code file}. */
    public static Universe load(Path file) {
        try {
            return parse(new StringReader(Files.readString(file, StandardCharsets.UTF_8)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the instruments file " + file + ": " + e.getMessage());
        }
    }

    /** Parses a universe; {@code source} names it in messages. */
    public static Universe parse(Reader reader, String source) {
        Map<String, KeyValueFile.Entry> byKey = new TreeMap<>();
        for (KeyValueFile.Entry e : KeyValueFile.read(reader, source, IllegalArgumentException::new)) {
            byKey.put(e.key(), e);
        }
        KeyValueFile.Entry list = byKey.remove("instruments");
        if (list == null || list.value().isBlank()) {
            throw new IllegalArgumentException(source + ": no 'instruments=SYMBOL,SYMBOL,...' line");
        }
        List<Instrument> instruments = new ArrayList<>();
        for (String raw : list.value().split(",", -1)) {
            String symbol = raw.strip();
            if (!symbol.matches("[A-Za-z0-9_/:-]+")) {
                throw new IllegalArgumentException(source + " line " + list.line() + ": bad symbol '" + symbol
                        + "' (letters, digits, _ / : - only)");
            }
            instruments.add(instrument(instruments.size(), symbol, byKey, source, list.line()));
        }
        if (!byKey.isEmpty()) {
            KeyValueFile.Entry extra = byKey.values().iterator().next();
            throw new IllegalArgumentException(source + " line " + extra.line() + ": unknown key '" + extra.key()
                    + "' (not an instrument listed in 'instruments', or not one of " + FIELDS + ")");
        }
        try {
            return new Universe(instruments);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** The text of {@code universe} in this format (what {@code config/instruments.properties} holds for the default). */
    public static String text(Universe universe) {
        StringBuilder sb = new StringBuilder("instruments=");
        sb.append(String.join(",", universe.all().stream().map(Instrument::symbol).toList())).append('\n');
        for (Instrument in : universe.all()) {
            String p = in.symbol() + ".";
            sb.append('\n');
            sb.append(p).append("asset_class=").append(in.assetClass()).append('\n');
            sb.append(p).append("price_decimals=").append(in.priceDecimals()).append('\n');
            sb.append(p).append("qty_decimals=").append(in.qtyDecimals()).append('\n');
            sb.append(p).append("tick=").append(in.formatPrice(in.tickSize())).append('\n');
            sb.append(p).append("lot=").append(in.formatQty(in.lotSize())).append('\n');
            sb.append(p).append("multiplier=").append(in.multiplier()).append('\n');
            sb.append(p).append("currency=").append(in.quoteCurrency()).append('\n');
            sb.append(p).append("depth=").append(in.hasDepth()).append('\n');
            sb.append(p).append("hours=").append(in.hours()).append('\n');
        }
        return sb.toString();
    }

    private static Instrument instrument(int id, String symbol, Map<String, KeyValueFile.Entry> byKey, String source,
                                         int listLine) {
        Map<String, KeyValueFile.Entry> f = new TreeMap<>();
        for (String field : FIELDS) {
            KeyValueFile.Entry e = byKey.remove(symbol + "." + field);
            if (e == null) {
                throw new IllegalArgumentException(source + ": " + symbol + " (listed on line " + listLine
                        + ") has no " + symbol + "." + field);
            }
            f.put(field, e);
        }
        int pd = (int) whole(f.get("price_decimals"), source);
        int qd = (int) whole(f.get("qty_decimals"), source);
        try {
            return new Instrument(id, symbol, enumValue(AssetClass.class, f.get("asset_class"), source), pd, qd,
                    decimal(f.get("tick"), pd, source), decimal(f.get("lot"), qd, source),
                    whole(f.get("multiplier"), source), f.get("currency").value(),
                    bool(f.get("depth"), source), enumValue(TradingHours.class, f.get("hours"), source));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith(source)) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": instrument " + symbol + ": " + e.getMessage());
        }
    }

    private static long whole(KeyValueFile.Entry e, String source) {
        try {
            return Long.parseLong(e.value());
        } catch (NumberFormatException x) {
            throw bad(e, source, "a whole number");
        }
    }

    private static long decimal(KeyValueFile.Entry e, int decimals, String source) {
        try {
            return Fixed.parse(e.value(), decimals);
        } catch (NumberFormatException | ArithmeticException x) {
            throw bad(e, source, "a decimal with at most " + decimals + " places");
        }
    }

    private static boolean bool(KeyValueFile.Entry e, String source) {
        return switch (e.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(e, source, "true or false");
        };
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, KeyValueFile.Entry e, String source) {
        try {
            return Enum.valueOf(type, e.value().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw bad(e, source, "one of " + List.of(type.getEnumConstants()));
        }
    }

    private static IllegalArgumentException bad(KeyValueFile.Entry e, String source, String expected) {
        return new IllegalArgumentException(source + " line " + e.line() + ": " + e.key() + "=" + e.value()
                + ": expected " + expected);
    }
}
