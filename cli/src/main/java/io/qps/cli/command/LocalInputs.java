package io.qps.cli.command;

import io.qps.cli.CliException;
import io.qps.core.data.Dataset;
import io.qps.core.data.DatasetFormatException;
import io.qps.core.data.DatasetReader;
import io.qps.core.engine.EngineConfig;
import io.qps.core.engine.EngineConfigException;
import io.qps.core.engine.EngineConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** The local files the offline commands (reference, sweep) read, with their one-line errors. */
final class LocalInputs {
    private LocalInputs() {
    }

    /** The engine configuration in {@code file} ({@code --engine-config}), or the defaults when it is null. */
    static EngineConfig engineConfig(Path file) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new CliException(CliException.USAGE, "engine configuration not found: " + file
                    + " (config/engine.properties lists every key with its default)");
        }
        try {
            return EngineConfigFile.load(file);
        } catch (EngineConfigException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
    }

    /** The whole dataset in memory, after checking its checksum. */
    static Dataset dataset(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataPlaneAccess.noDataset(file);
        }
        try {
            return DatasetReader.load(file);
        } catch (DatasetFormatException e) {
            throw new CliException(CliException.FAILED, e.getMessage(), e);
        }
    }
}
