package io.qps.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line of {@link EmbeddedSchemaRegistry#main}: {@code --bootstrap}, {@code --host}, {@code --port},
 * {@code --kafka-config} (a Kafka client properties file, e.g. the SASL settings of a secured cluster).
 */
final class RegistryArgs {
    static final String USAGE = "usage: EmbeddedSchemaRegistry [--bootstrap host:port] [--host "
            + EmbeddedSchemaRegistry.DEFAULT_HOST + "] [--port " + EmbeddedSchemaRegistry.DEFAULT_PORT + "]"
            + " [--kafka-config FILE]";

    private RegistryArgs() {
    }

    /** The options with defaults filled in; {@code help} present when asked for. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("bootstrap", "localhost:9092");
        options.put("host", EmbeddedSchemaRegistry.DEFAULT_HOST);
        options.put("port", String.valueOf(EmbeddedSchemaRegistry.DEFAULT_PORT));
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
        return options;
    }
}
