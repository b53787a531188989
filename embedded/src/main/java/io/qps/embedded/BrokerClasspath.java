package io.qps.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The class path of the broker JVM (and of Kafka's {@code StorageTool}): a configured class path, completed with the
 * broker's own jars when it does not carry them.
 *
 * <p>The CLI jar ({@code cli/target/qps.jar}) runs against any cluster and leaves the broker out (Kafka's core, Scala
 * and the server modules); the build copies those jars to a folder {@value #LIB_DIR} next to it. A class path that
 * already holds {@code kafka.Kafka} (the tests', an IDE's) is used as it is.
 */
public final class BrokerClasspath {
    /** The folder, next to a jar on the class path, holding the broker's jars. */
    public static final String LIB_DIR = "broker-lib";
    private static final String BROKER_CLASS = "kafka/Kafka.class";

    private BrokerClasspath() {
    }

    /**
     * @param classpath a class path (entries separated by {@link File#pathSeparator})
     * @return the class path unchanged if an entry holds {@code kafka.Kafka}; otherwise with the jars of the
     *         {@value #LIB_DIR} folder next to its first jar that has one appended, in name order
     * @throws EmbeddedKafkaException if neither is there (the message says how to build the folder)
     */
    public static String complete(String classpath) {
        List<Path> entries = Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isEmpty())
                .map(Path::of).toList();
        if (entries.stream().anyMatch(BrokerClasspath::holdsBroker)) {
            return classpath;
        }
        for (Path entry : entries) {
            Path lib = entry.toAbsolutePath().resolveSibling(LIB_DIR);
            if (isJar(entry) && Files.isDirectory(lib)) {
                List<String> all = new ArrayList<>(List.of(classpath));
                jars(lib).forEach(jar -> all.add(jar.toString()));
                if (all.size() > 1) {
                    return String.join(File.pathSeparator, all);
                }
            }
        }
        String jar = entries.stream().filter(BrokerClasspath::isJar).findFirst().map(Path::toString).orElse(classpath);
        throw new EmbeddedKafkaException("the embedded broker's jars are not next to " + jar + " (a folder "
                + LIB_DIR + "/ beside it); build them with './mvnw -pl cli -am package -DskipTests' (the ./qps"
                + " launcher does)");
    }

    private static boolean holdsBroker(Path entry) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(BROKER_CLASS));
        }
        if (!isJar(entry) || !Files.isRegularFile(entry)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(BROKER_CLASS) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJar(Path entry) {
        return entry.getFileName() != null && entry.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(BrokerClasspath::isJar).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
