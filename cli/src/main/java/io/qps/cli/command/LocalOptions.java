package io.qps.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where {@code up}, {@code down} and {@code status} find the local services' data. */
public final class LocalOptions {
    /** Default project-local data folder. */
    public static final String DEFAULT_DATA_DIR = ".qps";

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = DEFAULT_DATA_DIR,
            description = "Folder for the local services' data, logs and state (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    /** @return the data folder */
    public Path dataDir() {
        return dataDir;
    }
}
