package io.qps.core.engine;

import io.qps.core.config.KeyValueFile;
import io.qps.core.execution.FeeSchedule;
import io.qps.core.instrument.AssetClass;
import io.qps.core.strategy.StrategiesConfig;
import io.qps.core.strategy.StrategyId;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine's parameters ({@link EngineConfig}) as a text file: a subset of the Java properties format, one
 * {@code key=value} per line, {@code #} or {@code !} comments, blank lines ignored, no line continuations or escapes.
 * A key absent from the file keeps its default; an unknown or repeated key is an error. Example:
 * <pre>
 * strategies.enabled=alpha_1_pairs,alpha_2_breakout
 * alpha_1_pairs.entry_z=2.0
 * alpha_2_breakout.channel_bars=40
 * alpha_2_breakout.bar=5m
 * alpha_2_breakout.notional=100000
 * execution.latency=250ms
 * execution.fees.crypto.taker_bps=5
 * </pre>
 *
 * <p>Keys follow the records, field by field: {@code <section>.<field in snake_case>}, where the sections are
 * {@code strategies} (only {@code enabled}), the strategy codes ({@code alpha_1_pairs} = {@code PairsConfig} ...
 * {@code alpha_5_orderbook} = {@code ImbalanceConfig}), {@code execution}, {@code portfolio} and {@code stats}. The
 * mapping is read from the records themselves, so a field added to one of them is a key here at once (and must be
 * added to {@code config/engine.properties}, which a test keeps equal to the defaults). Values:
 * <ul>
 *   <li>durations (fields named {@code ...Micros}, whose key drops the suffix): a whole number and a unit,
 *       {@code us ms s m h d} ({@code 5m}, {@code 250ms}); written with the largest unit that divides exactly;</li>
 *   <li>money (fields named {@code ...notional...} or {@code capital...}): decimal dollars, up to 6 places;</li>
 *   <li>fees: {@code execution.fees.<asset class>.maker_bps} / {@code taker_bps}, decimal basis points, up to 2
 *       places (negative: a rebate);</li>
 *   <li>symbol lists: comma-separated, empty for "every eligible instrument"; {@code strategies.enabled}: strategy
 *       codes, comma-separated;</li>
 *   <li>other numbers as they are ({@code _} allowed between digits in whole numbers and money).</li>
 * </ul>
 * {@link #canonicalText} writes every key, sorted, in those forms; {@link #sha256} hashes that text, so the hash does
 * not depend on how a file was written, only on the configuration it describes.
 */
public final class EngineConfigFile {
    /** Sections of the strategy parameter records, by their field name in {@code StrategiesConfig}. */
    private static final Map<String, String> STRATEGY_SECTIONS = strategySections();
    private static final String DEFAULT_ORIGIN = "default";

    private EngineConfigFile() {
    }

    /** A value and where it came from ("line 12", "override", "default"), for messages. */
    record Setting(String value, String origin) {
    }

    /** The configuration in {@code file}, or {@link EngineConfig#defaults()} when {@code file} is null. */
    public static EngineConfig load(Path file) {
        if (file == null) {
            return EngineConfig.defaults();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineConfigException("cannot read the engine configuration " + file + ": " + e.getMessage());
        }
        return parse(new StringReader(text), file.toString());
    }

    /** Parses a parameters file; keys it does not set keep their defaults. */
    public static EngineConfig parse(Reader reader) {
        return parse(reader, "engine configuration");
    }

    private static EngineConfig parse(Reader reader, String source) {
        SortedMap<String, Setting> settings = defaultSettings();
        for (KeyValueFile.Entry e : KeyValueFile.read(reader, source, EngineConfigException::new)) {
            String where = source + " line " + e.line();
            requireKnown(where, e.key(), e.value(), settings);
            settings.put(e.key(), new Setting(e.value(), where));
        }
        return build(settings);
    }

    /**
     * {@code base} with some parameters replaced, keys and values as in a file (for sweeps and command-line
     * overrides). Applied in key order; errors name the override.
     */
    public static EngineConfig withOverrides(EngineConfig base, Map<String, String> overrides) {
        SortedMap<String, Setting> settings = settings(base);
        for (Map.Entry<String, String> o : new TreeMap<>(overrides).entrySet()) {
            String where = "override";
            requireKnown(where, o.getKey(), o.getValue(), settings);
            settings.put(o.getKey(), new Setting(o.getValue().strip(), where));
        }
        return build(settings);
    }

    /** Every key with its value in canonical form, sorted by key. */
    public static SortedMap<String, String> entries(EngineConfig config) {
        SortedMap<String, String> out = new TreeMap<>();
        flatten(config, "", out);
        return Collections.unmodifiableSortedMap(out);
    }

    /** A key whose value differs between two configurations, with both values in canonical form. */
    public record Difference(String key, String left, String right) {
        /** {@code key (left vs right)}. */
        @Override
        public String toString() {
            return key + " (" + left + " vs " + right + ")";
        }
    }

    /** The keys whose values differ between {@code left} and {@code right}, sorted by key; empty when equal. */
    public static List<Difference> differences(EngineConfig left, EngineConfig right) {
        SortedMap<String, String> a = entries(left);
        SortedMap<String, String> b = entries(right);
        List<Difference> out = new ArrayList<>();
        for (Map.Entry<String, String> e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (!e.getValue().equals(other)) {
                out.add(new Difference(e.getKey(), e.getValue(), other));
            }
        }
        return List.copyOf(out);
    }

    /** Every key of the format, sorted. */
    public static SortedSet<String> keys() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries(EngineConfig.defaults()).keySet()));
    }

    /** The canonical text: every key, sorted, {@code key=value}, one per line, each line ending in {@code \n}. */
    public static String canonicalText(EngineConfig config) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries(config).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonicalText} in UTF-8: the configuration's hash. */
    public static String sha256(EngineConfig config) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonicalText(config).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }

    /**
     * A duration in this format's syntax (a whole number and a unit: {@code us ms s m h d}) in microseconds; an
     * {@link IllegalArgumentException} says what is expected.
     */
    public static long parseDuration(String text) {
        return ValueKind.parseDuration(text.strip());
    }

    /** A duration in microseconds as this format writes it: the largest unit that divides it exactly. */
    public static String formatDuration(long micros) {
        return ValueKind.formatDuration(micros);
    }

    private static void requireKnown(String where, String key, String value, SortedMap<String, Setting> settings) {
        if (!settings.containsKey(key)) {
            String section = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : key;
            var siblings = settings.keySet().stream().filter(k -> k.startsWith(section)).toList();
            throw new EngineConfigException(where + ": unknown key '" + key + "' (value '" + value + "')"
                    + (siblings.isEmpty() ? "; sections: strategies, " + String.join(", ", STRATEGY_SECTIONS.values())
                            + ", execution, portfolio, stats" : "; keys there: " + String.join(", ", siblings)));
        }
    }

    private static SortedMap<String, Setting> defaultSettings() {
        SortedMap<String, Setting> settings = new TreeMap<>();
        entries(EngineConfig.defaults()).forEach((k, v) -> settings.put(k, new Setting(v, DEFAULT_ORIGIN)));
        return settings;
    }

    private static SortedMap<String, Setting> settings(EngineConfig base) {
        SortedMap<String, Setting> settings = new TreeMap<>();
        entries(base).forEach((k, v) -> settings.put(k, new Setting(v, DEFAULT_ORIGIN)));
        return settings;
    }

    private static EngineConfig build(SortedMap<String, Setting> settings) {
        return (EngineConfig) build(EngineConfig.class, "", settings);
    }

    // ---- records <-> keys ---------------------------------------------------------------------------------------

    private static void flatten(Record record, String prefix, SortedMap<String, String> out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = read(c, record);
            if (value instanceof FeeSchedule fees) {
                for (AssetClass a : AssetClass.values()) {
                    FeeSchedule.Rates r = fees.rates().get(a);
                    out.put(feeKey(prefix, a, "maker_bps"), ValueKind.formatBps(r.maker()));
                    out.put(feeKey(prefix, a, "taker_bps"), ValueKind.formatBps(r.taker()));
                }
            } else if (value instanceof Record nested) {
                flatten(nested, section(record.getClass(), c, prefix), out);
            } else {
                ValueKind kind = ValueKind.of(c);
                out.put(prefix + kind.key(c), kind.format(value));
            }
        }
    }

    private static Object build(Class<?> type, String prefix, SortedMap<String, Setting> settings) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            if (c.getType() == FeeSchedule.class) {
                args[i] = buildFees(prefix, settings);
            } else if (c.getType().isRecord()) {
                args[i] = build(c.getType(), section(type, c, prefix), settings);
            } else {
                ValueKind kind = ValueKind.of(c);
                String key = prefix + kind.key(c);
                Setting s = settings.get(key);
                args[i] = kind.parse(s.value(), s.origin() + ": " + key + "=" + s.value());
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new EngineConfigException(origins(prefix, settings) + ": " + bad.getMessage());
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static FeeSchedule buildFees(String prefix, SortedMap<String, Setting> settings) {
        Map<AssetClass, FeeSchedule.Rates> rates = new EnumMap<>(AssetClass.class);
        for (AssetClass a : AssetClass.values()) {
            Setting maker = settings.get(feeKey(prefix, a, "maker_bps"));
            Setting taker = settings.get(feeKey(prefix, a, "taker_bps"));
            rates.put(a, new FeeSchedule.Rates(
                    ValueKind.parseBps(maker.value(), maker.origin() + ": " + feeKey(prefix, a, "maker_bps")),
                    ValueKind.parseBps(taker.value(), taker.origin() + ": " + feeKey(prefix, a, "taker_bps"))));
        }
        return new FeeSchedule(rates);
    }

    /** Where the settings of a section that failed its record's validation came from. */
    private static String origins(String prefix, SortedMap<String, Setting> settings) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Setting> e : settings.entrySet()) {
            if (e.getKey().startsWith(prefix) && !e.getValue().origin().equals(DEFAULT_ORIGIN)) {
                sb.append(sb.length() == 0 ? "" : "; ").append(e.getValue().origin()).append(": ").append(e.getKey())
                        .append('=').append(e.getValue().value());
            }
        }
        String section = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return (sb.length() == 0 ? "defaults" : sb.toString()) + " (section " + section + ")";
    }

    private static String feeKey(String prefix, AssetClass a, String field) {
        return prefix + "fees." + a.name().toLowerCase(Locale.ROOT) + "." + field;
    }

    private static String section(Class<?> owner, RecordComponent c, String prefix) {
        if (owner == StrategiesConfig.class) {
            String code = STRATEGY_SECTIONS.get(c.getName());
            if (code == null) {
                throw new IllegalStateException("StrategiesConfig." + c.getName() + " has no section in "
                        + EngineConfigFile.class.getSimpleName() + ": add it to STRATEGY_SECTIONS");
            }
            return code + ".";
        }
        return prefix + ValueKind.snake(c.getName()) + ".";
    }

    private static Object read(RecordComponent c, Record record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    private static Map<String, String> strategySections() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pairs", StrategyId.ALPHA_1_PAIRS.code());
        m.put("breakout", StrategyId.ALPHA_2_BREAKOUT.code());
        m.put("mtf", StrategyId.ALPHA_3_MTF.code());
        m.put("momentum", StrategyId.ALPHA_4_MULTI_ASSET.code());
        m.put("imbalance", StrategyId.ALPHA_5_ORDERBOOK.code());
        return Collections.unmodifiableMap(m);
    }
}
