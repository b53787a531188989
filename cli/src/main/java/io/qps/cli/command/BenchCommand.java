package io.qps.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qps bench}: benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchPublishCommand.class,
        description = "Benchmarks on the configured cluster.")
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
