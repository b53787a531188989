package io.qps.verify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qps.core.engine.EngineConfig;
import io.qps.core.strategy.StrategyId;
import io.qps.verify.ReferenceFixture;
import io.qps.verify.ResultsDocuments;
import io.qps.verify.RunResults;
import io.qps.verify.Verification;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report built from a reference run with a planted divergence (no broker), opened in headless Chromium: every
 * chart draws, no script error is raised, and the page's screenshot is not blank. Skipped when Chromium is not
 * installed ({@code .ci/run} installs it).
 */
class ReportRenderTest {
    private static final List<String> CHARTS = List.of("chart-equity", "chart-underwater", "chart-histogram",
            "chart-correlation", "chart-rolling-sharpe");
    /** First script of the page: records uncaught errors and console.error calls. */
    private static final String HOOK = "<script>window.__qpsErrors = [];"
            + "window.addEventListener('error', function (e) { window.__qpsErrors.push(String(e.message)); });"
            + "var __ce = console.error; console.error = function () {"
            + " window.__qpsErrors.push(Array.prototype.join.call(arguments, ' ')); __ce.apply(console, arguments); };"
            + "</script>";
    /** Last script: after the charts have drawn, counts painted pixels per chart and writes the result into the DOM. */
    private static final String PROBE = "<script>setTimeout(function () {"
            + " var out = {charts: {}, errors: window.__qpsErrors,"
            + "  statsRows: document.querySelectorAll('#stats-table tr').length,"
            + "  fillRows: document.querySelectorAll('#fills-table tr').length,"
            + "  divergences: document.querySelectorAll('.divergence').length};"
            + " document.querySelectorAll('.chart').forEach(function (c) {"
            + "  var painted = c.querySelectorAll('svg *').length;"
            + "  c.querySelectorAll('canvas').forEach(function (cv) {"
            + "   var d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;"
            + "   for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { painted++; } } });"
            + "  out.charts[c.id] = painted; });"
            + " var pre = document.createElement('pre'); pre.id = 'qps-probe';"
            + " pre.textContent = JSON.stringify(out); document.body.appendChild(pre);"
            + "}, 500);</script>";

    private static ReportInput input;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        ReferenceFixture f = ReferenceFixture.of(42, 2, 0.05);
        RunResults live = f.copy("live");
        Verification v = f.verify(live, f.withChangedFill("replay-1", StrategyId.ALPHA_2_BREAKOUT));
        JsonNode detailed = ResultsDocuments.detailed(v);
        input = new ReportInput("s1", live, f.universe, EngineConfig.defaults(), detailed, 50);
    }

    @Test
    void theReportIsSelfContained() {
        String html = HtmlReport.render(input);
        assertThat(html).doesNotContain("<script src").doesNotContain("<link").doesNotContain("src=\"http")
                .doesNotContain("href=\"http").doesNotContain("url(http");
        assertThat(html).contains("echarts").contains("\"session\":\"s1\"").doesNotContain("/*{{");
    }

    @Test
    void theDataHoldsEveryBookAndTheDivergence() {
        var data = ReportData.of(input);
        assertThat(data.path("books")).hasSize(6);
        assertThat(data.at("/statistics/5/book").asText()).isEqualTo("TOTAL");
        assertThat(data.at("/hourly/correlation/books")).hasSize(5);
        assertThat(data.at("/hourly/correlation/cells/0/2").asDouble()).as("a series with itself").isEqualTo(1.0);
        assertThat(data.at("/replication/verdict").asText()).isEqualTo("FAIL");
        assertThat(data.at("/replication/divergences/live_vs_replay/0/strategy").asText())
                .isEqualTo("alpha_2_breakout");
        for (JsonNode row : data.at("/fills/rows")) {
            assertThat(row.path("strategy").asText()).isNotEmpty();
        }
        assertThat(data.at("/fills/rows").size()).isLessThanOrEqualTo(5 * 50);
        assertThat(data.at("/hourly/hours").asInt()).isEqualTo(48);
        assertThat(data.at("/hourly/rolling_window_hours").asInt()).as("a short run: 6 hours").isEqualTo(6);
        assertThat(data.at("/hourly/rolling_sharpe/TOTAL/5/1").isNumber()).isTrue();
        assertThat(data.at("/hourly/rolling_sharpe/TOTAL/4/1").isNull()).isTrue();
    }

    @Test
    void everyChartDrawsInHeadlessChromiumWithoutErrors() throws Exception {
        assumeTrue(HeadlessChromium.binary() != null,
                "chromium is not installed: skipping the browser check (install it: apt-get install -y chromium)");
        String html = HtmlReport.render(input);
        Path page = dir.resolve("report-probe.html");
        int body = html.lastIndexOf("</body>");
        Files.writeString(page, html.replaceFirst("<head>", "<head>" + HOOK).substring(0, body + HOOK.length())
                + PROBE + html.substring(body));

        HeadlessChromium.Output dom = HeadlessChromium.run(dir, page, "--dump-dom");
        int start = dom.stdout().indexOf("<pre id=\"qps-probe\">");
        assertThat(start).as("probe output in the DOM; chromium said: %s", dom.stderr()).isNotNegative();
        String json = dom.stdout().substring(start + "<pre id=\"qps-probe\">".length(),
                dom.stdout().indexOf("</pre>", start)).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        JsonNode probe = new ObjectMapper().readTree(json);
        assertThat(probe.path("errors")).as("script errors").isEmpty();
        assertThat(dom.stderr()).doesNotContain("Uncaught");
        for (String chart : CHARTS) {
            assertThat(probe.at("/charts/" + chart).asLong()).as(chart + " painted pixels").isGreaterThan(1000);
        }
        assertThat(probe.path("statsRows").asInt()).isEqualTo(1 + 6);
        assertThat(probe.path("fillRows").asInt()).isGreaterThan(1);
        assertThat(probe.path("divergences").asInt()).isPositive();

        Path png = dir.resolve("report.png");
        HeadlessChromium.run(dir, page, "--hide-scrollbars", "--window-size=1400,3000", "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot").isNotNull();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(200);
        String keep = System.getProperty("qps.report.screenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
