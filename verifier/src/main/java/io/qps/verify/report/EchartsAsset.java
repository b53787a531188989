package io.qps.verify.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The ECharts library, read from its WebJar ({@code org.webjars.npm:echarts}) on the class path, so that the report
 * can inline it and open offline (no CDN). The version is the WebJar's own ({@code pom.properties}), so the pom is
 * the one place that names it.
 */
public final class EchartsAsset {
    private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private EchartsAsset() {
    }

    /** The WebJar's version, e.g. {@code 5.3.1}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = open(POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + POM + ": " + e.getMessage(), e);
        }
        return p.getProperty("version");
    }

    /** The minified library, {@code dist/echarts.min.js}. */
    public static String script() {
        String path = "META-INF/resources/webjars/echarts/" + version() + "/dist/echarts.min.js";
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EchartsAsset.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path: the report needs the WebJar"
                    + " org.webjars.npm:echarts (a dependency of qps-verifier); rebuild qps");
        }
        return in;
    }
}
