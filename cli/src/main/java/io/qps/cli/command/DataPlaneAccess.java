package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.cli.ClusterSettings;
import io.qps.cli.RegistryProbe;
import io.qps.core.data.DatasetFormatException;
import io.qps.producer.session.SessionId;
import io.qps.schemas.registry.SchemaRegistryClient;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What the data-plane commands share: probing the registry, validating names and files, one-line errors. */
final class DataPlaneAccess {
    /** Bound on each broker or registry call of the data-plane commands. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private DataPlaneAccess() {
    }

    /** A registry client for the configured URL, after checking that the registry answers. */
    static SchemaRegistryClient registry(ClusterSettings cluster) {
        RegistryProbe.Result probe = RegistryProbe.probe(cluster.registryUrl(), TIMEOUT);
        if (!probe.up()) {
            throw new CliException(CliException.FAILED, "schema registry at " + cluster.registryUrl()
                    + " is unreachable: " + probe.detail() + " (is it up? try 'qps up' or 'qps status')");
        }
        return new SchemaRegistryClient(cluster.registryUrl(), null, TIMEOUT);
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
