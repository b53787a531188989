package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.core.data.DatasetFormatException;
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

    private DataPlaneAccess() {
    }

    /**
     * A registry client for the configured URL, credentials and TLS settings, after checking that the registry
     * answers it ({@code GET /subjects}): an unreachable registry, refused credentials or a bad TLS setting is a
     * one-line failure naming the registry.
     */
    static SchemaRegistryClient registry(ClusterSettings cluster) {
        Map<String, Object> config = new TreeMap<>(cluster.registryClientProperties());
        config.putIfAbsent(AvroSerdeConfig.REGISTRY_TIMEOUT_MS, TIMEOUT.toMillis());
        SchemaRegistryClient client;
        try {
            client = AvroSerdeConfig.client(config);
        } catch (IllegalArgumentException | RegistryException e) {
            throw new CliException(CliException.USAGE, "schema registry at " + cluster.registryUrl() + ": "
                    + e.getMessage());
        }
        try {
            client.subjects();
        } catch (RegistryException e) {
            if (e.errorCode() != RegistryErrorCodes.UNREACHABLE) {
                throw new CliException(CliException.FAILED, e.getMessage());
            }
            String why = e.getCause() instanceof ConnectException ? "cannot connect (nothing listening?)"
                    : e.getCause() instanceof HttpTimeoutException ? "no answer within " + TIMEOUT.toMillis() + " ms"
                    : e.getMessage();
            throw new CliException(CliException.FAILED, "schema registry at " + cluster.registryUrl()
                    + " is unreachable: " + why + " (is it up? try 'qps up' or 'qps status')");
        }
        return client;
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
            throw new CliException(CliException.USAGE, "dataset not found: " + file
                    + " (create one with 'qps generate')");
        }
        return file;
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
