package io.qps.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Client properties in a temporary file, for a tool or child JVM that reads its configuration from one. */
final class ClientConfigFile {
    private ClientConfigFile() {
    }

    /** Writes {@code kafka} to a new temporary properties file. */
    static Path write(Map<String, Object> kafka, String comment) {
        try {
            Path file = Files.createTempFile("qps-bench", ".properties");
            Properties p = new Properties();
            kafka.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, comment);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary client configuration", e);
        }
    }

    /** Deletes {@code file}, or failing that, when the JVM exits. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
