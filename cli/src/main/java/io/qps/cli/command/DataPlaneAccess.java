package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterOptions;
import io.qps.cli.ClusterProbe;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFormatException;
import io.qps.producer.publish.MarkerPolicy;
import io.qps.producer.publish.Speed;
import io.qps.producer.session.AssignmentMode;
import io.qps.producer.session.SessionId;
import io.qps.schemas.registry.RegistryErrorCodes;
import io.qps.schemas.registry.RegistryException;
import io.qps.schemas.registry.SchemaRegistryClient;
import io.qps.schemas.serde.AvroSerdeConfig;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What the data-plane commands share: probing the registry, validating names and files, one-line errors. */
final class DataPlaneAccess {
    /** Bound on each broker or registry call of the data-plane commands. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Bound on the registry's first answer ({@code GET /subjects}), so an unreachable one is named in seconds. */
    static final Duration REGISTRY_PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Most partitions a ticks topic may have (as {@code PublishRequest} checks). */
    static final int MAX_PARTITIONS = 10_000;

    private DataPlaneAccess() {
    }

    /**
     * A registry client for the configured URL, credentials and TLS settings, after checking that the registry
     * answers it ({@code GET /subjects}): an unreachable registry, refused credentials or a bad TLS setting is a
     * one-line failure naming the registry.
     */
    static SchemaRegistryClient registry(ClusterSettings cluster) {
        SchemaRegistryClient client = client(cluster, TIMEOUT);
        try {
            client(cluster, REGISTRY_PROBE_TIMEOUT).subjects();
        } catch (RegistryException e) {
            if (e.errorCode() != RegistryErrorCodes.UNREACHABLE) {
                throw new CliException(CliException.FAILED, e.getMessage());
            }
            String why = e.getCause() instanceof ConnectException ? "cannot connect (nothing listening?)"
                    : e.getCause() instanceof HttpTimeoutException ? "no answer within "
                    + REGISTRY_PROBE_TIMEOUT.toMillis() + " ms" : e.getMessage();
            throw new CliException(CliException.FAILED, "no schema registry answers at " + cluster.registryUrl()
                    + ": " + why + " (start one with 'qps up' or pass --registry-url)");
        }
        return client;
    }

    /** A client with the configured settings, its calls bounded by {@code timeout} unless the settings say. */
    private static SchemaRegistryClient client(ClusterSettings cluster, Duration timeout) {
        Map<String, Object> config = new TreeMap<>(cluster.registryClientProperties());
        config.putIfAbsent(AvroSerdeConfig.REGISTRY_TIMEOUT_MS, timeout.toMillis());
        try {
            return AvroSerdeConfig.client(config);
        } catch (IllegalArgumentException | RegistryException e) {
            throw new CliException(CliException.USAGE, "schema registry at " + cluster.registryUrl() + ": "
                    + e.getMessage());
        }
    }

    /** The validated session id, or a usage error. */
    static SessionId session(String value) {
        try {
            return SessionId.of(value);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
    }

    /** {@code file}, or a usage error if it is not a readable regular file. */
    static Path existingDataset(Path file) {
        if (!Files.isRegularFile(file)) {
            throw noDataset(file);
        }
        return file;
    }

    /** The one wording of a dataset file that is not there, for every command. */
    static CliException noDataset(Path file) {
        return new CliException(CliException.USAGE, "no dataset file '" + file + "' (create one with 'qps generate')");
    }

    /**
     * The settings of a command that talks to a cluster, after checking that a broker answers: an unreachable one
     * is a one-line failure within seconds, naming the address.
     */
    static ClusterSettings reachable(ClusterOptions options) {
        ClusterSettings cluster = options.settings();
        ClusterProbe.requireBroker(cluster);
        return cluster;
    }

    /** {@code --partitions}: within 1..10000, else a usage error. */
    static int partitions(int partitions) {
        return within("--partitions", partitions, 1, MAX_PARTITIONS);
    }

    /** {@code --speed}: {@code max} or a positive multiple of real time, else a usage error. */
    static Speed speed(String speed) {
        try {
            return Speed.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--speed must be a positive multiple of real time (1, 60,"
                    + " 2.5) or max, was '" + speed + "'");
        }
    }

    /** {@code --assignment}: balanced or hash, else a usage error. */
    static AssignmentMode assignment(PublishOptions options) {
        try {
            return options.assignment();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "--assignment must be balanced or hash, was '"
                    + options.assignmentText() + "'");
        }
    }

    /** {@code --progress-every}, {@code --progress-ms}: each at least 1, else a usage error naming the flag. */
    static MarkerPolicy markers(PublishOptions options) {
        try {
            return options.markers();
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
    }

    /** {@code value} if it is at least {@code min}, else a usage error naming {@code flag}. */
    static long atLeast(String flag, long value, long min) {
        if (value < min) {
            throw new CliException(CliException.USAGE, flag + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** {@code value} if it is within {@code min..max}, else a usage error naming {@code flag}. */
    static int within(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CliException(CliException.USAGE, flag + " must be within " + min + ".." + max + ", was "
                    + value);
        }
        return value;
    }

    /** A one-line failure for a dataset that cannot be read. */
    static CliException unreadable(RuntimeException e) {
        if (e instanceof DatasetFormatException || e instanceof UncheckedIOException) {
            String cause = e.getCause() == null ? "" : ": " + e.getCause().getMessage();
            return new CliException(CliException.FAILED, e.getMessage() + cause);
        }
        return new CliException(CliException.FAILED, e.getMessage());
    }
}
