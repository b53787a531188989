package io.qps.cli.command;

import io.qps.embedded.BrokerSecurity;
import io.qps.embedded.BrokerState;
import io.qps.embedded.EmbeddedKafka;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client config file of a secured embedded broker, {@code <data-dir>/client-secure.properties}: bootstrap
 * servers, registry URL and the SASL settings of the application user, so that {@code qps --config FILE ...} is all
 * a command needs.
 */
final class SecureClientFile {
    /** File name inside the data folder. */
    static final String FILE_NAME = "client-secure.properties";

    private SecureClientFile() {
    }

    /**
     * @param dataDir the data folder of {@code up}
     * @return the file's path
     */
    static Path of(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /**
     * Writes the file (owner read/write only) and prints what it holds and how to use it.
     *
     * @param out where to print
     * @param dataDir the data folder of {@code up}
     * @param kafka the secured broker
     * @param broker its state
     * @param registryUrl the embedded registry's URL
     */
    static void writeAndPrint(PrintWriter out, Path dataDir, EmbeddedKafka kafka, BrokerState broker,
                              String registryUrl) {
        BrokerSecurity security = kafka.security().orElseThrow();
        Map<String, String> entries = new LinkedHashMap<>(security.appClientProperties(broker.bootstrapServers()));
        entries.put("schema.registry.url", registryUrl);
        Path file = of(dataDir);
        BrokerSecurity.writeProperties(file, "qps client settings for user " + BrokerSecurity.APP_USER
                + " of the secured embedded broker (written by 'qps up --secure')", entries);
        out.println();
        out.println("secured: SASL_PLAINTEXT with " + BrokerSecurity.MECHANISM + ", ACLs enforced; client properties"
                + " of user " + BrokerSecurity.APP_USER + " written to " + file + ":");
        entries.forEach((key, value) -> out.println("  " + key + "=" + value));
        out.println("use them with: qps --config " + file + " <command>");
        out.println("super user " + BrokerSecurity.ADMIN_USER + " (ACLs, SCRAM users): " + kafka.adminConfigFile());
        out.flush();
    }
}
