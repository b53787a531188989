package io.qps.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders a session's report as one self-contained HTML page: the template, style and script of this package, the
 * ECharts library from its WebJar ({@link EchartsAsset}) and the data ({@link ReportData}) are all inlined, so the
 * file opens offline, from disk, with nothing fetched.
 */
public final class HtmlReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HtmlReport() {
    }

    /** The page for {@code input}. */
    public static String render(ReportInput input) {
        return render(ReportData.of(input));
    }

    /** The page showing {@code data} (a {@link ReportData} object). */
    public static String render(ObjectNode data) {
        String title = "qps report: session " + data.path("session").asText() + ", run " + data.path("run").asText();
        // each part is inserted once, literally; the data's "<" are escaped so no string can close the script
        return resource("report.html")
                .replace("{{TITLE}}", escape(title))
                .replace("/*{{STYLE}}*/", resource("report.css"))
                .replace("/*{{ECHARTS}}*/", EchartsAsset.script())
                .replace("/*{{DATA}}*/", json(data))
                .replace("/*{{SCRIPT}}*/", resource("report.js"));
    }

    private static String json(ObjectNode data) {
        try {
            return MAPPER.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the report's data: " + e.getMessage(), e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read report resource " + name + ": " + e.getMessage(), e);
        }
    }
}
