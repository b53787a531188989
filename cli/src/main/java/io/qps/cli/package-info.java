/**
 * The {@code qps} command line: the entry point {@link io.qps.cli.Qps}, the cluster settings every command shares
 * ({@link io.qps.cli.ClusterSettings}: flag, environment variable, client config file, default) and the one-line
 * error handling. Subcommands live in {@code io.qps.cli.command}.
 */
package io.qps.cli;
