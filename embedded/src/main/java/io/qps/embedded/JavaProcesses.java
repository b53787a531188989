package io.qps.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting, recognising and ending the JVM child processes the embedded broker consists of. */
final class JavaProcesses {
    /**
     * First JVM option of every broker process. Linux shows only the first 4 KiB of a command line, which a long
     * class path fills, so the marker must come before it.
     */
    static final String BROKER_MARKER = "-Dqps.service=kafka";

    private JavaProcesses() {
    }

    /** @return the {@code java} executable of the running JVM */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param jvmOptions options before {@code -cp}
     * @param classpath class path
     * @param mainClass main class
     * @param args program arguments
     * @return the full command line
     */
    static List<String> command(List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Starts a process with no input and its output appended to a log file.
     *
     * @param command command line
     * @param workDir working directory
     * @param log file receiving stdout and stderr
     * @return the started process
     */
    static Process start(List<String> command, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /**
     * Runs a short-lived process to completion.
     *
     * @return its exit code
     * @throws EmbeddedKafkaException if it does not end within the timeout (it is then killed)
     */
    static int run(List<String> command, Path workDir, Path log, Duration timeout) {
        Process process = start(command, workDir, log);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedKafkaException("'" + command.get(command.size() - 1) + "' did not finish within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * @param pid a process id
     * @return the live process with that pid, if it looks like one of our brokers (when the OS tells its command)
     */
    static Optional<ProcessHandle> liveBroker(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(JavaProcesses::looksLikeBroker);
    }

    private static boolean looksLikeBroker(ProcessHandle handle) {
        Optional<String> line = handle.info().commandLine();
        if (line.isEmpty()) {
            return true;
        }
        return line.get().contains(BROKER_MARKER);
    }

    /**
     * Ends a process: SIGTERM, wait up to {@code grace}, then SIGKILL and wait again.
     *
     * @param handle the process
     * @param grace time allowed for a clean shutdown
     * @return true if it ended cleanly within the grace period, false if it had to be killed
     */
    static boolean terminate(ProcessHandle handle, Duration grace) {
        handle.destroy();
        if (awaitExit(handle, grace)) {
            return true;
        }
        handle.destroyForcibly();
        if (!awaitExit(handle, Duration.ofSeconds(30))) {
            throw new EmbeddedKafkaException("process " + handle.pid() + " did not end even after SIGKILL");
        }
        return false;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
