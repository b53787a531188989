package io.qps.cli.export;

import io.qps.cli.export.ExportRows.Cell;
import io.qps.cli.report.TextTable;
import java.io.PrintWriter;
import java.util.List;

/** Writes rows as CSV (a header from the first row's names, RFC 4180 quoting) or JSON lines (one object a row). */
public final class RowWriter {
    /** The output formats. */
    public enum Format {
        CSV, JSONL
    }

    private RowWriter() {
    }

    /** Writes {@code rows}, {@code \n} line ends; a CSV starts with a header line unless there are no rows. */
    public static void write(PrintWriter out, Format format, List<List<Cell>> rows) {
        if (format == Format.CSV && !rows.isEmpty()) {
            out.print(String.join(",", rows.get(0).stream().map(c -> TextTable.csvCell(c.name())).toList()));
            out.print('\n');
        }
        for (List<Cell> row : rows) {
            out.print(format == Format.CSV ? csv(row) : json(row));
            out.print('\n');
        }
        out.flush();
    }

    /** One row as a JSON object, fields in column order. */
    public static String json(List<Cell> row) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < row.size(); i++) {
            Cell c = row.get(i);
            sb.append(i == 0 ? "" : ",").append(quote(c.name())).append(':');
            sb.append(c.number() && !c.text().isEmpty() ? c.text() : c.number() ? "null" : quote(c.text()));
        }
        return sb.append('}').toString();
    }

    static String csv(List<Cell> row) {
        return String.join(",", row.stream().map(c -> TextTable.csvCell(c.text())).toList());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
