package io.qps.cli.bench;

import io.qps.producer.session.SessionId;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.verify.SessionVerifier;
import io.qps.verify.Verification;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the verifier ({@link SessionVerifier#verify}: read live and replay back, run the reference engine, compare)
 * in a child JVM of its own, so that its memory is its own: the child reports the wall time of the verification and
 * the sum of its heap pools' peak usage; when {@code /usr/bin/time} exists it runs under {@code time -v} and its
 * maximum resident set size is read from there.
 */
public final class VerifierProbe {
    private static final String LINE = "qps-verifier-probe";
    private static final Pattern RESULT = Pattern.compile(LINE
            + " events=(\\d+) nanos=(\\d+) peak_heap=(\\d+) passed=(true|false)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Path TIME = Path.of("/usr/bin/time");

    private VerifierProbe() {
    }

    /**
     * The child's entry point.
     *
     * @param args client properties file, registry URL, session, live run, replay run, dataset
     */
    public static void main(String[] args) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            p.load(r);
        }
        Map<String, Object> kafka = new HashMap<>();
        p.forEach((k, v) -> kafka.put(k.toString(), v));
        Duration timeout = Duration.ofSeconds(30);
        SessionVerifier verifier = new SessionVerifier(kafka, new SchemaRegistryClient(args[1], null, timeout),
                timeout);
        SessionId session = SessionId.of(args[2]);
        long start = System.nanoTime();
        Verification v = verifier.verify(session, args[3], args[4], Path.of(args[5]));
        long nanos = System.nanoTime() - start;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long events = verifier.session(session).manifest().getEvents();
        System.out.println(LINE + " events=" + events + " nanos=" + nanos + " peak_heap=" + peak + " passed="
                + v.passed());
    }

    /**
     * Runs the probe in a child JVM with this process's class path.
     *
     * @throws IllegalStateException if the child fails or prints no result
     */
    static PipelineFigures.Verify run(Map<String, Object> kafka, String registryUrl, String session, String live,
                                      String replay, Path dataset, Duration limit) throws InterruptedException {
        Path config = ClientConfigFile.write(kafka, "qps bench pipeline: the verifier's client properties");
        try {
            List<String> command = new ArrayList<>();
            boolean timed = Files.isExecutable(TIME);
            if (timed) {
                command.addAll(List.of(TIME.toString(), "-v"));
            }
            // The heap './qps verify' gets from the launcher: the figure is the verifier's, not the JVM's default growth.
            command.addAll(List.of(ChildJvm.java(), "-Xmx384m", "-cp", ChildJvm.classPath(),
                    VerifierProbe.class.getName(),
                    config.toString(), registryUrl, session, live, replay, dataset.toString()));
            ChildJvm.Result child = ChildJvm.run(command, limit, "the verifier");
            PipelineFigures.Verify figures = parse(child.output(), timed);
            if (child.exit() != 0) {
                throw new IllegalStateException("the verifier's JVM exited with " + child.exit() + ": "
                        + child.output().strip());
            }
            return figures;
        } finally {
            ClientConfigFile.deleteQuietly(config);
        }
    }

    /** Reads the probe's result line and, if {@code timed}, {@code time -v}'s maximum resident set size. */
    static PipelineFigures.Verify parse(String text, boolean timed) {
        Matcher m = RESULT.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("the verifier printed no result: "
                    + text.lines().filter(l -> !l.isBlank()).limit(20).reduce((a, b) -> a + " | " + b).orElse(""));
        }
        long rss = -1;
        Matcher r = RSS.matcher(text);
        if (timed && r.find()) {
            rss = Long.parseLong(r.group(1));
        }
        return new PipelineFigures.Verify(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), rss, Boolean.parseBoolean(m.group(4)));
    }
}
