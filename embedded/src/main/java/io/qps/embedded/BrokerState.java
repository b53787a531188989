package io.qps.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running embedded broker left in its data folder so that another process can find it.
 *
 * @param pid the broker JVM's process id
 * @param port client listener port on 127.0.0.1
 * @param controllerPort controller listener port on 127.0.0.1
 * @param clusterId the KRaft cluster id the data folder was formatted with
 * @param secure whether the client listener requires SASL ({@link BrokerSecurity}) and ACLs are enforced
 */
public record BrokerState(long pid, int port, int controllerPort, String clusterId, boolean secure) {
    /** File name of the state file inside the data folder. */
    public static final String FILE_NAME = "broker.state";

    /**
     * A broker without security.
     *
     * @param pid the broker JVM's process id
     * @param port client listener port
     * @param controllerPort controller listener port
     * @param clusterId the KRaft cluster id
     */
    public BrokerState(long pid, int port, int controllerPort, String clusterId) {
        this(pid, port, controllerPort, clusterId, false);
    }

    /** @return the client listener's name and security protocol, {@code PLAINTEXT} or {@code SASL_PLAINTEXT} */
    public String listener() {
        return secure ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /** @return {@code 127.0.0.1:port}, the bootstrap servers string clients use */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /**
     * Writes the state atomically (temp file and rename), in a fixed key order; {@code secure=true} only if so.
     *
     * @param dataDir the broker's data folder
     */
    public void write(Path dataDir) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("pid", Long.toString(pid));
        entries.put("port", Integer.toString(port));
        entries.put("controllerPort", Integer.toString(controllerPort));
        entries.put("clusterId", clusterId);
        if (secure) {
            entries.put("secure", "true");
        }
        BackgroundJvm.writeState(dataDir.resolve(FILE_NAME), entries);
    }

    /**
     * @param dataDir the broker's data folder
     * @return the recorded state, or empty if there is no state file
     * @throws EmbeddedKafkaException if the file exists but is not a state file
     */
    public static Optional<BrokerState> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Optional<Properties> entries = BackgroundJvm.readState(file);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Properties p = entries.get();
        try {
            return Optional.of(new BrokerState(Long.parseLong(p.getProperty("pid")),
                    Integer.parseInt(p.getProperty("port")), Integer.parseInt(p.getProperty("controllerPort")),
                    p.getProperty("clusterId", ""), Boolean.parseBoolean(p.getProperty("secure", "false"))));
        } catch (NumberFormatException e) {
            throw new EmbeddedKafkaException("corrupt broker state file " + file + "; delete it and retry", e);
        }
    }

    /** @param dataDir the broker's data folder; removes its state file if present */
    public static void delete(Path dataDir) {
        BackgroundJvm.deleteState(dataDir.resolve(FILE_NAME));
    }
}
