package io.qps.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir}: where {@code up}, {@code down} and {@code status} find the local services' data. */
public final class LocalOptions {
    /** Default project-local data folder. */
    public static final String DEFAULT_DATA_DIR = ".qps";
    /** Environment variable overriding the default data folder (the {@code ./qps} launcher sets it). */
    public static final String ENV_DATA_DIR = "QPS_DATA_DIR";

    @Option(names = "--data-dir", paramLabel = "DIR",
            defaultValue = "${env:" + ENV_DATA_DIR + ":-" + DEFAULT_DATA_DIR + "}",
            description = "Folder for the local services' data, logs and state (default: $" + ENV_DATA_DIR
                    + " if set, else " + DEFAULT_DATA_DIR + "; now ${DEFAULT-VALUE}).")
    private Path dataDir;

    /** @return the data folder */
    public Path dataDir() {
        return dataDir;
    }
}
