package io.qps.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link EmbeddedSchemaRegistry#main}: {@code --bootstrap}, {@code --host}, {@code --port},
 * {@code --basic-auth}, {@code --replication-factor}, {@code --min-insync-replicas}, {@code --kafka-config} (a
 * Kafka client properties file, e.g. the SASL settings of a secured cluster).
 */
final class RegistryArgs {
    static final String USAGE = "usage: EmbeddedSchemaRegistry [--bootstrap host:port] [--host "
            + EmbeddedSchemaRegistry.DEFAULT_HOST + "] [--port " + EmbeddedSchemaRegistry.DEFAULT_PORT + "]"
            + " [--basic-auth user:password[,...]] [--replication-factor N] [--min-insync-replicas N]"
            + " [--kafka-config FILE]\n"
            + "  --basic-auth (or env " + EmbeddedSchemaRegistry.ENV_BASIC_AUTH + "): answer 401 without these"
            + " credentials\n"
            + "  --replication-factor, --min-insync-replicas: of the schemas topic when it is created (default:"
            + " min(3, brokers) and the broker's default)";

    private RegistryArgs() {
    }

    /** The options with defaults filled in; {@code help} present when asked for. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap", "localhost:9092");
        options.put("host", EmbeddedSchemaRegistry.DEFAULT_HOST);
        options.put("port", String.valueOf(EmbeddedSchemaRegistry.DEFAULT_PORT));
        options.put("basic-auth", "");
        options.put("replication-factor", "");
        options.put("min-insync-replicas", "");
        options.put("kafka-config", "");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "true");
                continue;
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (!options.containsKey(name) || name.equals("help")) {
                throw new IllegalArgumentException("unknown option '--" + name + "'");
            }
            options.put(name, value);
        }
        int port;
        try {
            port = Integer.parseInt(options.get("port"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, was '" + options.get("port") + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be within 0..65535, was " + port);
        }
        int replication = positive(options, "replication-factor");
        int min = positive(options, "min-insync-replicas");
        if (min > 0 && replication > 0 && min > replication) {
            throw new IllegalArgumentException("--min-insync-replicas " + min + " exceeds --replication-factor "
                    + replication);
        }
        return options;
    }

    /** The option's value as a positive number, 0 if absent. */
    static int positive(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= Short.MAX_VALUE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a number of at least 1, was '" + value + "'");
    }
}
