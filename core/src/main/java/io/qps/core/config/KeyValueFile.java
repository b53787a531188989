package io.qps.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The text format of qps's configuration files: a subset of Java properties. One {@code key=value} per line (the
 * first {@code =} separates them, both sides are trimmed), {@code #} or {@code !} starts a comment line, blank lines
 * are ignored; no line continuations, no escapes; a key may appear once. Unlike {@link java.util.Properties} it keeps
 * each entry's line number, so errors can name it.
 */
public final class KeyValueFile {
    /** One entry and the line it is on (1-based). */
    public record Entry(String key, String value, int line) {
    }

    private KeyValueFile() {
    }

    /**
     * The entries of {@code reader} in file order.
     *
     * @param source names the input in messages ("config/engine.properties")
     * @param error makes the exception for a malformed line or a repeated key from its one-line message
     */
    public static List<Entry> read(Reader reader, String source, Function<String, RuntimeException> error) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                    continue;
                }
                int eq = text.indexOf('=');
                if (eq <= 0 || text.endsWith("\\")) {
                    throw error.apply(source + " line " + number + ": expected key=value (no continuation lines), got '"
                            + text + "'");
                }
                String key = text.substring(0, eq).strip();
                Integer previous = seen.put(key, number);
                if (previous != null) {
                    throw error.apply(source + " line " + number + ": " + key + " is already set on line " + previous);
                }
                entries.add(new Entry(key, text.substring(eq + 1).strip(), number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return entries;
    }
}
