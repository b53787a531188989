package io.qps.cli.service;

import io.qps.embedded.BackgroundJvm;
import io.qps.embedded.Ports;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running embedded schema registry left in its folder so that a later CLI invocation can find it.
 *
 * @param pid the registry JVM's process id
 * @param port its HTTP port on 127.0.0.1
 * @param bootstrapServers the Kafka cluster holding its schemas topic
 */
public record RegistryState(long pid, int port, String bootstrapServers) {
    /** File name of the state file inside the registry's folder. */
    public static final String FILE_NAME = "registry.state";

    /** @return {@code http://127.0.0.1:port}, the URL clients use */
    public String url() {
        return "http://" + Ports.LOOPBACK + ":" + port;
    }

    /** @param dir the registry's folder; writes the state file atomically, keys in a fixed order */
    public void write(Path dir) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("pid", Long.toString(pid));
        entries.put("port", Integer.toString(port));
        entries.put("bootstrapServers", bootstrapServers);
        BackgroundJvm.writeState(dir.resolve(FILE_NAME), entries);
    }

    /**
     * @param dir the registry's folder
     * @return the recorded state, or empty if there is no state file
     * @throws IllegalStateException if the file exists but is not a registry state file
     */
    public static Optional<RegistryState> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        Optional<Properties> entries = BackgroundJvm.readState(file);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Properties p = entries.get();
        try {
            return Optional.of(new RegistryState(Long.parseLong(p.getProperty("pid")),
                    Integer.parseInt(p.getProperty("port")), p.getProperty("bootstrapServers", "")));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("corrupt registry state file " + file + "; delete it and retry", e);
        }
    }

    /** @param dir the registry's folder; removes its state file if present */
    public static void delete(Path dir) {
        BackgroundJvm.deleteState(dir.resolve(FILE_NAME));
    }
}
