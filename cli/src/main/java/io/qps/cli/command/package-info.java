/**
 * The subcommands of {@code qps}. Each is a small picocli {@code @Command} class that mixes in the option groups it
 * uses and no other ({@link io.qps.cli.ClusterOptions} if it talks to a cluster, {@link io.qps.cli.ReplicationOptions}
 * if it creates topics, {@code LocalOptions}, {@code RunOptions}, {@code PublishOptions}), checks its local input
 * first (flags name themselves in errors, exit 2), then probes the broker ({@code DataPlaneAccess.reachable}), calls
 * into the module that does the work, and prints to {@code spec.commandLine().getOut()}. To add one, write the class
 * here, list it in {@link io.qps.cli.Qps}'s {@code subcommands}, and give it a one-sentence first description line:
 * the command list shows it as the summary.
 */
package io.qps.cli.command;
