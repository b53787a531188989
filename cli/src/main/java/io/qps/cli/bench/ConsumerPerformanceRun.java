package io.qps.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Runs Kafka's own {@link ConsumerPerformance} in this process (as {@code PublishBenchmark} runs ProducerPerformance)
 * on one topic from its earliest offset, with a fresh consumer group and the same client properties as every other
 * client of the benchmark, and parses its summary line.
 */
final class ConsumerPerformanceRun {
    private ConsumerPerformanceRun() {
    }

    /**
     * Consumes {@code records} records of {@code topic}.
     *
     * @param kafka client properties (written to a {@code --command-config} file)
     * @param group the consumer group, new
     * @throws IllegalStateException if the tool fails or stops before {@code records}
     */
    static PipelineFigures.Consume run(Map<String, Object> kafka, String topic, long records, String group) {
        Path config = ClientConfigFile.write(kafka, "qps bench pipeline: ConsumerPerformance client properties");
        List<String> args = List.of("--bootstrap-server", String.valueOf(kafka.get("bootstrap.servers")),
                "--topic", topic, "--num-records", Long.toString(records), "--group", group,
                "--timeout", "30000", "--command-config", config.toString());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("ConsumerPerformance exited with status " + status
                    + (message == null ? "" : ": " + message));
        });
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ConsumerPerformance.main(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
            Exit.resetExitProcedure();
            ClientConfigFile.deleteQuietly(config);
        }
        return parse(captured.toString(StandardCharsets.UTF_8), records);
    }

    /**
     * Parses ConsumerPerformance's output: its last line of ten comma-separated fields {@code start.time, end.time,
     * data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec,
     * fetch.nMsg.sec}.
     *
     * @throws IllegalStateException if there is none, or it consumed fewer than {@code expected} records
     */
    static PipelineFigures.Consume parse(String output, long expected) {
        String[] last = null;
        for (String line : output.lines().toList()) {
            String[] f = line.split(",\\s*");
            if (f.length == 10 && f[4].trim().matches("\\d+")) {
                last = f;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no summary line in ConsumerPerformance's output: "
                    + output.lines().reduce((a, b) -> b).orElse("(empty)"));
        }
        long records = Long.parseLong(last[4].trim());
        if (records < expected) {
            throw new IllegalStateException("ConsumerPerformance read " + records + " of " + expected + " records: "
                    + output.strip());
        }
        double rate = Double.parseDouble(last[5].trim());
        double fetchRate = Double.parseDouble(last[9].trim());
        return new PipelineFigures.Consume(records, rate > 0 ? records / rate : 0, rate, fetchRate);
    }
}
