package io.qps.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running embedded broker left in its data folder so that another process can find it.
 *
 * @param pid the broker JVM's process id
 * @param port client listener port on 127.0.0.1
 * @param controllerPort controller listener port on 127.0.0.1
 * @param clusterId the KRaft cluster id the data folder was formatted with
 */
public record BrokerState(long pid, int port, int controllerPort, String clusterId) {
    /** File name of the state file inside the data folder. */
    public static final String FILE_NAME = "broker.state";

    /** @return {@code 127.0.0.1:port}, the bootstrap servers string clients use */
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    /**
     * Writes the state atomically (temp file and rename), in a fixed key order.
     *
     * @param dataDir the broker's data folder
     */
    public void write(Path dataDir) {
        String text = "pid=" + pid + "\nport=" + port + "\ncontrollerPort=" + controllerPort
                + "\nclusterId=" + clusterId + "\n";
        Path target = dataDir.resolve(FILE_NAME);
        Path temp = dataDir.resolve(FILE_NAME + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * @param dataDir the broker's data folder
     * @return the recorded state, or empty if there is no state file
     * @throws EmbeddedKafkaException if the file exists but is not a state file
     */
    public static Optional<BrokerState> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return Optional.of(new BrokerState(Long.parseLong(p.getProperty("pid")),
                    Integer.parseInt(p.getProperty("port")), Integer.parseInt(p.getProperty("controllerPort")),
                    p.getProperty("clusterId", "")));
        } catch (NumberFormatException e) {
            throw new EmbeddedKafkaException("corrupt broker state file " + file + "; delete it and retry", e);
        }
    }

    /** @param dataDir the broker's data folder; removes its state file if present */
    public static void delete(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete state file in " + dataDir, e);
        }
    }
}
