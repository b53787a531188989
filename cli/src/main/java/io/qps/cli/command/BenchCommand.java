package io.qps.cli.command;

import picocli.CommandLine.Command;

/** {@code qps bench}: the benchmark commands; each prints figures, none asserts them. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmarks that print throughput figures.",
        subcommands = {BenchReferenceCommand.class, BenchPublishCommand.class, BenchPipelineCommand.class})
public final class BenchCommand {
}
