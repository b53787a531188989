package io.qps.cli.sweep;

import io.qps.core.engine.EngineConfigFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The points of a sweep: the cartesian product of each swept parameter's values. Order (and so every table's row
 * order): parameters sorted by key, the last key varying fastest; each parameter's values in the order given.
 * Keys are those of the parameters file ({@link EngineConfigFile}); a value cannot contain a comma.
 */
public final class SweepGrid {
    private final SortedMap<String, List<String>> values;

    private SweepGrid(SortedMap<String, List<String>> values) {
        this.values = values;
    }

    /** Parses {@code key=v1,v2,...} specifications; a key given twice, an unknown key or an empty value is an error. */
    public static SweepGrid parse(List<String> specs) {
        SortedMap<String, List<String>> values = new TreeMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param " + spec + ": expected KEY=V1,V2,... (keys as in"
                        + " config/engine.properties)");
            }
            String key = spec.substring(0, eq).strip();
            if (!EngineConfigFile.keys().contains(key)) {
                throw new IllegalArgumentException("--param " + spec + ": unknown key '" + key
                        + "' (config/engine.properties lists every key)");
            }
            List<String> list = new ArrayList<>();
            for (String v : spec.substring(eq + 1).split(",", -1)) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("--param " + spec + ": empty value");
                }
                if (list.contains(v.strip())) {
                    throw new IllegalArgumentException("--param " + spec + ": value " + v.strip() + " given twice");
                }
                list.add(v.strip());
            }
            if (values.put(key, List.copyOf(list)) != null) {
                throw new IllegalArgumentException("--param " + key + " given twice (list its values in one --param)");
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one --param KEY=V1,V2,...");
        }
        return new SweepGrid(values);
    }

    /** The swept keys, sorted. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** Every point, in sweep order; each maps the swept keys (sorted) to one value. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> p : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : points) {
                for (String v : p.getValue()) {
                    Map<String, String> point = new LinkedHashMap<>(partial);
                    point.put(p.getKey(), v);
                    next.add(point);
                }
            }
            points = next;
        }
        return points.stream().map(Collections::unmodifiableMap).toList();
    }
}
