package io.qps.cli.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** A table of strings: printed aligned (first column left, the rest right) or written as CSV (RFC 4180 quoting). */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Appends a row with as many cells as the header. */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row of " + row.size() + " cells for " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Prints the table with columns two spaces apart. */
    public void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        for (List<String> r : allRows()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                sb.append(i == 0 ? "" : "  ").append(i == 0 ? cell + pad : pad + cell);
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** The table as CSV, lines ending in {@code \n}. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : allRows()) {
            for (int i = 0; i < r.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(csvCell(r.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes {@link #csv()} to {@code file} through a temporary sibling moved into place. */
    public void writeCsv(Path file) {
        writeAtomically(file, csv());
    }

    /** Writes {@code text} (UTF-8) to {@code file} through a temporary sibling, so the file is whole or absent. */
    public static void writeAtomically(Path file, String text) {
        Path part = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        try {
            Files.writeString(part, text, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line end. */
    public static String csvCell(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
