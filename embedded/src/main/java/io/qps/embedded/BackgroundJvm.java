package io.qps.embedded;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What every local background service (the embedded broker, the embedded schema registry) needs to run as a
 * separate JVM that outlives the CLI invocation that started it: the command line with a service marker, starting it
 * with its output appended to a log file, a state file recording its pid, recognising it again later by pid and
 * marker, and ending it gracefully.
 *
 * <p>The marker is a system property {@code -Dqps.service=NAME} given as the <em>first</em> JVM option: Linux shows
 * only the first 4 KiB of a command line, which a long class path fills, so it must come before it. A pid from a state file
 * counts as ours only if the process with that pid is alive and its command line carries the marker (when the OS
 * tells the command line at all), so a recycled pid is never signalled.
 */
public final class BackgroundJvm {
    private BackgroundJvm() {
    }

    /**
     * @param service the service name, e.g. {@code kafka}
     * @return the JVM option marking that service's process, {@code -Dqps.service=NAME}
     */
    public static String marker(String service) {
        return "-Dqps.service=" + service;
    }

    /** @return the {@code java} executable of the running JVM */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * This JVM's class path with every entry made absolute, so that a child started in another working
     * folder finds the same classes ({@code java -jar cli/target/qps.jar up} has a relative class path).
     *
     * @return the class path to hand to a background JVM
     */
    public static String currentClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * @param jvmOptions options before {@code -cp} (a service puts its {@link #marker} first)
     * @param classpath class path
     * @param mainClass main class
     * @param args program arguments
     * @return the full command line, starting with {@link #javaExecutable()}
     */
    public static List<String> command(List<String> jvmOptions, String classpath, String mainClass,
                                       List<String> args) {
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
     * Starts a process with no input and its stdout and stderr appended to a log file (its folder is created).
     *
     * @param command command line
     * @param workDir working directory
     * @param log file receiving stdout and stderr
     * @return the started process
     */
    public static Process start(List<String> command, Path workDir, Path log) {
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
    public static int run(List<String> command, Path workDir, Path log, Duration timeout) {
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
     * @param pid a process id, e.g. from a state file
     * @param service the service name its {@link #marker} carries
     * @return the live process with that pid, if its command line carries the marker (or the OS does not tell)
     */
    public static Optional<ProcessHandle> live(long pid, String service) {
        String marker = marker(service);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> carries(line, marker)).orElse(true));
    }

    static boolean carries(String commandLine, String marker) {
        return (" " + commandLine + " ").contains(" " + marker + " ");
    }

    /**
     * Ends a process: SIGTERM, wait up to {@code grace}, then SIGKILL and wait up to 30 s more.
     *
     * @param handle the process
     * @param grace time allowed for a clean shutdown
     * @return true if it ended cleanly within the grace period, false if it had to be killed
     * @throws EmbeddedKafkaException if it is still alive even after SIGKILL
     */
    public static boolean terminate(ProcessHandle handle, Duration grace) {
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

    /**
     * Writes a state file atomically (temp file and rename) as {@code key=value} lines in the map's order.
     *
     * @param file the state file
     * @param entries keys and values (no newlines), in the order to write them
     */
    public static void writeState(Path file, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param file a state file written by {@link #writeState}
     * @return its entries, or empty if the file does not exist
     */
    public static Optional<Properties> readState(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(p);
    }

    /** @param file a state file; removed if present */
    public static void deleteState(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * @param log a log file
     * @param lines how many lines at most
     * @return its last lines joined by newlines, or a note that it cannot be read
     */
    public static String logTail(Path log, int lines) {
        return LogTail.of(log, lines);
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
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
