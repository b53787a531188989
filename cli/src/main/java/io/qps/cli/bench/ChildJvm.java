package io.qps.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A measurement in a JVM of its own, started with this process's {@code java} and class path: its output (standard
 * output and error together) goes to a temporary file, read back once it exits.
 */
final class ChildJvm {
    /** How a child ended: its exit code and everything it printed. */
    record Result(int exit, String output) {
    }

    private ChildJvm() {
    }

    /** This process's {@code java} launcher. */
    static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This process's class path. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * Runs {@code command} to its end.
     *
     * @param what names the child in errors ("the verifier", "'qps live'")
     * @throws IllegalStateException if it does not finish within {@code limit} (it is killed)
     * @throws UncheckedIOException if it cannot be started or its output read
     */
    static Result run(List<String> command, Duration limit, String what) throws InterruptedException {
        Path output = null;
        try {
            output = Files.createTempFile("qps-bench-child", ".log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + limit.toSeconds() + " s");
            }
            return new Result(child.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what + " in a child JVM", e);
        } finally {
            if (output != null) {
                ClientConfigFile.deleteQuietly(output);
            }
        }
    }
}
