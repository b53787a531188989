package io.qps.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;

/**
 * One bad invocation of {@code qps} and what it must give: the exit code, and one line on stderr containing
 * {@code expected}, within {@link #BOUND_NANOS}.
 *
 * @param exit the documented exit code
 * @param expected text the one line on stderr must contain
 * @param args the arguments
 */
public record BadInputCase(int exit, String expected, List<String> args) {
    /** The bound on reporting bad input, an unreachable broker or registry included. */
    public static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(5);

    /**
     * @param dir a temporary folder
     * @param session a session id
     * @return a folder holding a results_detailed.json of {@code session}, as 'qps verify' writes it, so that
     *         {@code report --results FOLDER} goes on to the cluster
     */
    public static String verifiedFolder(Path dir, String session) {
        Path folder = dir.resolve("verified-" + session);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("results_detailed.json"), "{\"session\": \"" + session + "\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.toString();
    }

    /** A case. */
    public static BadInputCase of(int exit, String expected, String... args) {
        return new BadInputCase(exit, expected, List.of(args));
    }

    /** What one run gave, and how long it took. */
    public record Outcome(BadInputCase input, CliRun run, long nanos) {
        /** Checks the outcome against its case. */
        public void check(SoftAssertions soft) {
            String name = "qps " + String.join(" ", input.args());
            soft.assertThat(run.exit()).as(name + ": exit code (stderr: " + run.err() + ")").isEqualTo(input.exit());
            soft.assertThat(run.err().lines().toList()).as(name + ": stderr").hasSize(1);
            soft.assertThat(run.err()).as(name + ": stderr").contains(input.expected());
            soft.assertThat(nanos).as(name + ": nanoseconds").isLessThan(BOUND_NANOS);
        }
    }

    /** Runs the case in this process, timing it. */
    public Outcome run() {
        return run(Map.of());
    }

    /** Runs the case in this process with {@code env}, timing it. */
    public Outcome run(Map<String, String> env) {
        long start = System.nanoTime();
        CliRun run = CliRun.run(env, args.toArray(new String[0]));
        return new Outcome(this, run, System.nanoTime() - start);
    }
}
