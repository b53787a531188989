package io.qps.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The credentials of a secured embedded broker: SASL/SCRAM-SHA-512 on the client listener, two users.
 * <ul>
 *   <li>{@code admin}: the super user. The broker authenticates as it to itself (inter-broker SCRAM, and PLAIN on
 *       the controller listener, where SCRAM cannot be used because its credentials live in the metadata log the
 *       controller serves); the embedded schema registry and operators use it.</li>
 *   <li>{@code qps}: the application user, with only the ACLs of {@link AppUserAcls}.</li>
 * </ul>
 * The passwords are random, made once when the data folder is formatted, and kept in {@value #FILE_NAME} (owner
 * read/write only where the file system has POSIX permissions).
 *
 * @param adminPassword the super user's password
 * @param appPassword the application user's password
 */
public record BrokerSecurity(String adminPassword, String appPassword) {
    /** The SASL mechanism of the client listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The super user. */
    public static final String ADMIN_USER = "admin";
    /** The application user. */
    public static final String APP_USER = "qps";
    /** File name of the credentials inside the broker's data folder. */
    public static final String FILE_NAME = "credentials.properties";
    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    /** @return fresh random passwords (alphanumeric, so that no quoting rule of JAAS or StorageTool applies) */
    public static BrokerSecurity generate() {
        SecureRandom random = new SecureRandom();
        return new BrokerSecurity(password(random), password(random));
    }

    /**
     * @param dataDir the broker's data folder
     * @return the credentials kept there, if any
     */
    public static Optional<BrokerSecurity> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String admin = p.getProperty(ADMIN_USER);
        String app = p.getProperty(APP_USER);
        if (admin == null || app == null) {
            throw new EmbeddedKafkaException("corrupt credentials file " + file + ": it needs the keys "
                    + ADMIN_USER + " and " + APP_USER);
        }
        return Optional.of(new BrokerSecurity(admin, app));
    }

    /** @param dataDir the broker's data folder; writes {@value #FILE_NAME}, readable by its owner only */
    public void write(Path dataDir) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ADMIN_USER, adminPassword);
        entries.put(APP_USER, appPassword);
        writeProperties(dataDir.resolve(FILE_NAME), "SCRAM-SHA-512 passwords of the embedded broker's users",
                entries);
    }

    /**
     * @param bootstrapServers the broker's address
     * @return Kafka client properties for the super user
     */
    public Map<String, String> adminClientProperties(String bootstrapServers) {
        return clientProperties(bootstrapServers, ADMIN_USER, adminPassword);
    }

    /**
     * @param bootstrapServers the broker's address
     * @return Kafka client properties for the application user
     */
    public Map<String, String> appClientProperties(String bootstrapServers) {
        return clientProperties(bootstrapServers, APP_USER, appPassword);
    }

    /**
     * @param bootstrapServers the broker's address
     * @param user a SCRAM user
     * @param password its password
     * @return {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}
     */
    public static Map<String, String> clientProperties(String bootstrapServers, String user, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", jaas(SCRAM_MODULE, user, password, ""));
        return p;
    }

    /** @return the broker's own settings: listeners' SASL mechanisms, JAAS, the authorizer and the super user */
    Map<String, String> serverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                jaas(SCRAM_MODULE, ADMIN_USER, adminPassword, ""));
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                jaas(PLAIN_MODULE, ADMIN_USER, adminPassword, " user_" + ADMIN_USER + "=\"" + adminPassword + "\""));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN_USER);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** @return the {@code kafka-storage format} arguments that put both users' SCRAM credentials in the metadata */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + ADMIN_USER + ",password=" + adminPassword + "]",
                "--add-scram", MECHANISM + "=[name=" + APP_USER + ",password=" + appPassword + "]");
    }

    /**
     * Writes a properties file readable by its owner only.
     *
     * @param file the file
     * @param comment the header comment
     * @param entries the properties, in order
     */
    public static void writeProperties(Path file, String comment, Map<String, String> entries) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write("# " + comment + "\n");
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    writer.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
                }
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "BrokerSecurity[" + MECHANISM + ", users " + ADMIN_USER + ", " + APP_USER + "]";
    }

    private static String jaas(String module, String user, String password, String extra) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\"" + extra + ";";
    }

    private static String password(SecureRandom random) {
        char[] chars = new char[24];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
