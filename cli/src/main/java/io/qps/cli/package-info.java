/**
 * The {@code qps} command line: the entry point {@link io.qps.cli.Qps}, the cluster settings of the commands that
 * talk to a cluster ({@link io.qps.cli.ClusterOptions} resolved to {@link io.qps.cli.ClusterSettings}: flag,
 * environment variable, client config file, default), the broker probe and the one-line error handling. Subcommands live in {@code io.qps.cli.command}.
 */
package io.qps.cli;
