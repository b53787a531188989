package io.qps.cli;

import io.qps.producer.session.TopicSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --replication-factor} and {@code --min-insync-replicas}, each falling back to its key in the client config
 * file, then to the broker's default; checked together with one-line errors naming where each value came from.
 */
final class TopicOptions {
    static final String REPLICATION_FLAG = "--replication-factor";
    static final String MIN_INSYNC_FLAG = "--min-insync-replicas";

    private TopicOptions() {
    }

    /** A value and where it came from, for messages. */
    private record Value(int number, String origin) {
    }

    static TopicSettings resolve(Integer flagReplication, Integer flagMinInsync, Map<String, String> file,
                                 Optional<Path> configFile) {
        Optional<Value> rf = value(flagReplication, REPLICATION_FLAG, file, ClusterSettings.REPLICATION_FACTOR_KEY,
                configFile);
        Optional<Value> min = value(flagMinInsync, MIN_INSYNC_FLAG, file, ClusterSettings.MIN_INSYNC_REPLICAS_KEY,
                configFile);
        rf.ifPresent(v -> atLeastOne(v, Short.MAX_VALUE));
        min.ifPresent(v -> atLeastOne(v, Integer.MAX_VALUE));
        if (min.isPresent() && rf.isEmpty()) {
            throw new CliException(CliException.USAGE, min.get().origin() + " " + min.get().number() + " needs "
                    + REPLICATION_FLAG + " (or " + ClusterSettings.REPLICATION_FACTOR_KEY + " in the client config"
                    + " file) of at least " + min.get().number());
        }
        if (min.isPresent() && min.get().number() > rf.get().number()) {
            throw new CliException(CliException.USAGE, min.get().origin() + " " + min.get().number()
                    + " exceeds " + rf.get().origin() + " " + rf.get().number()
                    + ": no write with acks=all could succeed");
        }
        return rf.map(r -> TopicSettings.of(r.number(), min.map(Value::number).orElse(null)))
                .orElse(TopicSettings.DEFAULTS);
    }

    private static Optional<Value> value(Integer flag, String flagName, Map<String, String> file, String key,
                                         Optional<Path> configFile) {
        if (flag != null) {
            return Optional.of(new Value(flag, flagName));
        }
        String text = file.get(key);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String origin = key + " in " + configFile.map(Path::toString).orElse("the client config file");
        try {
            return Optional.of(new Value(Integer.parseInt(text.trim()), origin));
        } catch (NumberFormatException e) {
            throw new CliException(CliException.USAGE, origin + " must be a whole number, was '" + text + "'");
        }
    }

    private static void atLeastOne(Value v, int max) {
        if (v.number() < 1 || v.number() > max) {
            throw new CliException(CliException.USAGE, v.origin() + " must be within 1.." + max + ", was "
                    + v.number());
        }
    }
}
