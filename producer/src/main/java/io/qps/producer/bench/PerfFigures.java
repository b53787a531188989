package io.qps.producer.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of one producer run.
 *
 * @param records records sent
 * @param recordsPerSecond records per wall second
 * @param megabytesPerSecond value megabytes (2^20 bytes) per wall second
 */
public record PerfFigures(long records, double recordsPerSecond, double megabytesPerSecond) {
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");

    /**
     * Parses the summary line of {@code ProducerPerformance}, e.g.
     * {@code 2000 records sent, 9523.8 records/sec (0.91 MB/sec), 12.34 ms avg latency, ...}; the last such line
     * of {@code output} wins (earlier ones are interval reports).
     *
     * @throws IllegalArgumentException if there is none
     */
    public static PerfFigures parseProducerPerformance(String output) {
        Matcher m = SUMMARY.matcher(output);
        PerfFigures last = null;
        while (m.find()) {
            last = new PerfFigures(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)));
        }
        if (last == null) {
            throw new IllegalArgumentException("no 'records sent' summary in ProducerPerformance output: "
                    + output.lines().reduce((a, b) -> b).orElse("(empty)"));
        }
        return last;
    }

    /** E.g. {@code 2,412,000 records  512,345 records/s  38.21 MB/s}. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d records  %,.0f records/s  %.2f MB/s", records, recordsPerSecond,
                megabytesPerSecond);
    }
}
